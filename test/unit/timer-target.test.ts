import { afterEach, describe, expect, it, vi } from 'vitest';

const fireTimerArn = 'arn:aws:lambda:ap-northeast-1:123456789012:function:FollowUpJourneys-FireTimer';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the schedules' target", () => {
  it("is the ARN a scheduling function's environment names", async () => {
    vi.stubEnv('TIMER_TARGET_ARN', fireTimerArn);
    const { invokedAsTimerTarget, timerTargetArn } = await import('#shared/timers/timer-target.ts');
    invokedAsTimerTarget('arn:aws:lambda:ap-northeast-1:123456789012:function:Other');
    expect(timerTargetArn()).toBe(fireTimerArn);
  });

  it('is, in fire-timer, whose environment cannot name itself, the ARN the scheduler invoked it by', async () => {
    vi.stubEnv('TIMER_TARGET_ARN', '');
    const { invokedAsTimerTarget, timerTargetArn } = await import('#shared/timers/timer-target.ts');
    expect(() => timerTargetArn()).toThrow('TIMER_TARGET_ARN is not set');
    invokedAsTimerTarget(fireTimerArn);
    expect(timerTargetArn()).toBe(fireTimerArn);
  });
});
