import type { ActivityTracker } from '#infra/local/activity.ts';
import type { VirtualClock } from '#infra/local/clock.ts';
import type { SchedulerService } from '#infra/local/scheduler-service.ts';
import type { StepFunctionsService } from '#infra/local/step-functions-service.ts';

/**
 * Moves virtual time forward to `to` the way it would pass on AWS: every schedule that falls due on the way
 * fires at its own time, in order, and so does every waiting task's timeout; what each sets off settles before
 * time moves on.
 */
export const advanceTime = async (
  clock: VirtualClock,
  scheduler: Pick<SchedulerService, 'fireDue'>,
  stepFunctions: Pick<StepFunctionsService, 'nextTaskTimeout' | 'timeOutTasks'>,
  tracker: ActivityTracker,
  to: Date,
): Promise<{ fired: number }> => {
  const target = to.getTime();
  if (Number.isNaN(target)) throw new RangeError('to is not a valid date');
  if (target < clock.now()) {
    throw new RangeError(`cannot go back in time: it is already ${new Date(clock.now()).toISOString()}`);
  }
  // Work still running belongs to the present: it must write its timers before time moves past them.
  await tracker.whenIdle();
  let fired = 0;
  for (
    let timeout = stepFunctions.nextTaskTimeout();
    timeout !== undefined && timeout <= target;
    timeout = stepFunctions.nextTaskTimeout()
  ) {
    // Schedules due first may resume the task in time.
    fired += await scheduler.fireDue(timeout);
    if (timeout > clock.now()) clock.set(new Date(timeout));
    stepFunctions.timeOutTasks(timeout);
    await tracker.whenIdle();
  }
  fired += await scheduler.fireDue(target);
  // A ticking clock (a demo) may have passed `to` by now; time never goes back.
  if (target > clock.now()) clock.set(to);
  return { fired };
};
