import { format } from 'node:util';
import { DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalFaultControls } from '#infra/local/runtime.ts';
import { WAIT_LIMIT_DAYS } from '#shared/domain/wait-limits.ts';
import { MAIL_MAX_RECEIVES } from '#shared/email/mail-queue-settings.ts';
import { executionArn } from '#shared/journeys/start-execution.ts';
import { scheduleName } from '#shared/timers/schedule-timer.ts';
import {
  eventTypes,
  faultControls,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
} from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

let system: LocalSystem;
let faults: LocalFaultControls;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  faults = faultControls(system);
});
afterAll(async () => {
  await system?.runtime.stop();
});

const start = async (tag: string, overrides: Record<string, unknown> = {}) => {
  const offer = scenarioOffer(tag, overrides);
  return { offer, journeyId: await system.startJourney(offer) };
};
const count = (types: string[], type: string) => types.filter((candidate) => candidate === type).length;

describe('faults survived, nothing lost, nothing duplicated', () => {
  it('a step that fails after doing its work is retried without a second email or event', async () => {
    // The offer phase's first step invites the candidate and asks the interviewers: it does both, then fails,
    // then fails again before doing anything.
    faults.functions.failNext('send-invitation', 'after');
    faults.functions.failNext('send-invitation', 'before');
    const { offer, journeyId } = await start('fails-once');

    expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);
    expect(await system.mailTo(offer.interviewers[0]?.email ?? '')).toHaveLength(1);
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'invitation.sent')).toBe(1);
    expect(count(eventTypes(journey), 'prep.requested')).toBe(1);
    expect(journey.status).toBe('offer-follow-up');

    const history = await new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn('STATE_MACHINE_ARN', journeyId),
      }),
    );
    expect(
      (history.events ?? []).filter((event) => event.type === 'TaskFailed').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('interviewers answering at the same moment, after the step asking them was retried, let the journey on once', async () => {
    faults.functions.failNext('send-invitation', 'after');
    const { offer, journeyId } = await start('gathered', {
      interviewers: [
        { name: '高橋 健', email: 'ken+gathered@example.co.jp' },
        { name: '伊藤 誠', email: 'makoto+gathered@example.co.jp' },
      ],
    });
    await system.runtime.idle();
    const requests = await Promise.all(['ken+gathered@', 'makoto+gathered@'].map((to) => system.mailTo(to)));
    expect(requests.map((mail) => mail.length)).toEqual([1, 1]);
    expect(await system.mailTo(offer.hr.email)).toHaveLength(0);

    const responses = await Promise.all(
      requests.map(([request]) => system.submitForm(formLinkIn(request), { concerns: '通勤時間' })),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await system.runtime.idle();
    expect(await system.mailTo(offer.hr.email)).toHaveLength(1);
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'prep.submitted')).toBe(2);
    expect(count(eventTypes(journey), 'brief.sent')).toBe(1);
  });

  // Adaptive retries pace the client down after throttling, so on a busy machine this one takes a while.
  it('an SES throttling burst delays mail but loses none and sends none twice', {
    timeout: 150_000,
  }, async () => {
    faults.ses.throttleNext(6);
    const { offer, journeyId } = await start('throttled', {
      interviewers: [
        { name: '高橋 健', email: 'ken+throttled@example.co.jp' },
        { name: '伊藤 誠', email: 'makoto+throttled@example.co.jp' },
      ],
    });
    await system.runtime.idle();
    expect(faults.ses.throttled).toBe(6);
    for (const address of [offer.candidate.email, 'ken+throttled@', 'makoto+throttled@']) {
      expect(await system.mailTo(address)).toHaveLength(1);
    }
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'prep.requested')).toBe(2);
    expect(journey.status).toBe('offer-follow-up');
  });

  it('HR starting many journeys at once rides out StartExecution throttling, one execution each', async () => {
    await system.runtime.idle();
    faults.stepFunctions.throttleNext(6);
    const started = await Promise.all(
      ['a', 'b', 'c', 'd'].map((tag) => start(`cohort-${tag}`, { interviewers: [] })),
    );
    await system.runtime.idle();
    expect(faults.stepFunctions.throttled).toBe(6);
    for (const { offer, journeyId } of started) {
      const journey = await system.journey(journeyId);
      expect(count(eventTypes(journey), 'invitation.sent')).toBe(1);
      expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);
    }
  });

  it('a person submitting while DynamoDB is unreachable gets a readable page, and their retry counts once', async () => {
    const { offer, journeyId } = await start('outage');
    const link = formLinkIn((await system.mailTo(offer.interviewers[0]?.email ?? ''))[0]);
    await system.runtime.idle();

    faults.dynamo.outage(1_500);
    const during = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ concerns: '一回目' }).toString(),
    });
    expect(during.status).toBe(503);
    expect(await during.text()).toMatch(/<html/);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await system.submitForm(link, { concerns: '二回目' });
    expect(after.status).toBe(200);
    const journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'prep.submitted')).toBe(1);
    expect(count(eventTypes(journey), 'brief.sent')).toBe(1);
    expect(await system.mailTo(offer.hr.email)).toHaveLength(1);
  });

  it('a step that keeps failing puts the journey in needs-attention and tells HR', async () => {
    // The first try and the three retries the state machine allows.
    faults.functions.failNext('send-brief', 'before', 4);
    const { offer, journeyId } = await start('broken', { interviewers: [] });
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('needs-attention');
    expect(eventTypes(journey)).toContain('journey.needs-attention');
    const [alert] = await system.mailTo(offer.hr.email);
    expect(alert?.subject).toMatch(/要対応/);
  });

  it('an SES refusal quoting an address is retried, flagged and kept for ops, and neither logs nor queue history hold the address', async () => {
    await system.runtime.idle();
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
      ...(['log', 'info', 'warn', 'error'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          written.push(`${format(...args)}\n`);
        }),
      ),
    ];
    // The invitation, on each of the queue's five tries. The journey's mail queued behind it waits, in order, and
    // what was handed back with it as often follows it to the dead-letter queue unsent; HR's mail about the
    // journey, queued once it is flagged, goes through.
    faults.ses.rejectNext(MAIL_MAX_RECEIVES);
    try {
      const { offer, journeyId } = await start('refused', { interviewers: [] });
      const journey = await system.journey(journeyId);
      expect(faults.ses.rejected).toBe(MAIL_MAX_RECEIVES);
      expect(journey.status).toBe('needs-attention');
      expect(await system.mailTo(offer.candidate.email)).toHaveLength(0);
      const alerts = (await system.mailTo(offer.hr.email)).filter((mail) => /要対応/.test(mail.subject));
      expect(alerts).toHaveLength(1);
      // The invitation waits in the dead-letter queue, for ops to send again once SES takes it.
      const kept = (await system.runtime.deadLetters()).filter(
        (message) => (message.body as { journeyId?: string }).journeyId === journeyId,
      );
      expect(kept.map((message) => (message.body as { key: string }).key)).toContain(
        'invitation#offer-meeting#0',
      );

      const history = await new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
        new GetExecutionHistoryCommand({ executionArn: executionArn('STATE_MACHINE_ARN', journeyId) }),
      );
      const output = written.join('');
      expect(output).toContain('queued mail not sent');
      expect(output).toContain('MessageRejected');
      for (const text of [JSON.stringify(history.events), output]) {
        expect(text).not.toContain('hanako.yamada');
        expect(text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).toEqual([]);
      }
    } finally {
      faults.ses.rejectNext(0);
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('a duplicate delivery of a schedule changes nothing', async () => {
    const { offer, journeyId } = await start('duplicate', {
      interviewers: [],
      offerMeetingAt: '2026-12-04T10:00:00+09:00',
    });
    await system.advanceTo('2026-12-04T11:00:00+09:00');
    const before = await system.journey(journeyId);
    await system.runtime.invoke('fire-timer', { journeyId, timer: 'meeting-end' });
    await system.runtime.idle();
    const after = await system.journey(journeyId);
    expect(after.timeline).toEqual(before.timeline);
    expect(count(eventTypes(after), 'outcome.requested')).toBe(1);
    expect(
      (await system.mailTo(offer.hr.email)).filter((email) => /\/forms\//.test(email.text)),
    ).toHaveLength(1);
  });

  // Last: it moves the clock half a year on.
  it('a timer lost on the way times its waiting step out, and the journey is flagged instead of waiting on', async () => {
    const { offer, journeyId } = await start('lost-timer', {
      interviewers: [],
      offerMeetingAt: '2026-12-07T10:00:00+09:00',
    });
    await system.runtime.idle();
    // As if Scheduler had dropped the meeting's end past its retries: the step waits for a call never coming.
    await new SchedulerClient({}).send(
      new DeleteScheduleCommand({
        Name: scheduleName(journeyId, 'meeting-end'),
        GroupName: process.env.SCHEDULE_GROUP,
      }),
    );
    // The wait may last as long as an offer phase can (six months), plus a margin: counted from the wait's start.
    const waitBegan = system.runtime.now().getTime();
    const day = 24 * 60 * 60 * 1000;
    await system.runtime.advanceTo(new Date(waitBegan + (WAIT_LIMIT_DAYS.offer - 1) * day));
    expect((await system.journey(journeyId)).status).toBe('offer-follow-up');
    expect(await system.mailTo(offer.hr.email)).toHaveLength(1);

    await system.runtime.advanceTo(new Date(waitBegan + (WAIT_LIMIT_DAYS.offer + 1) * day));
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('needs-attention');
    expect(eventTypes(journey)).not.toContain('outcome.requested');
    const alert = (await system.mailTo(offer.hr.email)).at(-1);
    expect(alert?.subject).toMatch(/要対応/);
  });

  // After the one above: its dates follow the clock, half a year on.
  it("an offer's outcome never recorded flags the journey an answer's time after the last ask, however long the asks went on", async () => {
    const day = 24 * 60 * 60 * 1000;
    const meeting = DateTime.fromJSDate(system.runtime.now(), { zone: 'Asia/Tokyo' })
      .plus({ days: 3 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const { offer, journeyId } = await start('unrecorded', {
      interviewers: [],
      offerMeetingAt: meeting.toISO(),
      respondBy: meeting.plus({ days: 120 }).toISODate(),
      startDate: meeting.plus({ days: 150 }).toISODate(),
    });
    await system.runtime.advanceTo(meeting.plus({ hours: 2 }).toJSDate());
    const firstAsk = system.runtime.now().getTime();
    const [, outcomeRequest] = await system.mailTo(offer.hr.email);
    expect(outcomeRequest?.text).toMatch(/\/forms\//);

    // Three weeks on, HR answers "still undecided"; the next ask comes a couple of business days later.
    await system.runtime.advanceTo(new Date(firstAsk + 21 * day));
    const response = await system.submitForm(formLinkIn(outcomeRequest), {
      decision: 'undecided',
      remainingConcerns: '',
      notes: '',
    });
    expect(response.status).toBe(200);
    // Past an answer's time since the first ask, but not since the second: still waiting for HR.
    await system.runtime.advanceTo(new Date(firstAsk + (WAIT_LIMIT_DAYS.answer + 5) * day));
    let journey = await system.journey(journeyId);
    expect(count(eventTypes(journey), 'outcome.requested')).toBe(2);
    expect(journey.status).toBe('offer-follow-up');

    await system.runtime.advanceTo(new Date(firstAsk + (21 + 5 + WAIT_LIMIT_DAYS.answer) * day));
    journey = await system.journey(journeyId);
    expect(journey.status).toBe('needs-attention');
    expect((await system.mailTo(offer.hr.email)).at(-1)?.subject).toMatch(/要対応/);
  });
});
