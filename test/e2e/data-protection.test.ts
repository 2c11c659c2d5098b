import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMailbox } from '#infra/local/mailbox.ts';
import type { LocalFaultControls } from '#infra/local/runtime.ts';
import { journeyIdFor, unkeyedJourneyIdFor } from '#shared/domain/ids.ts';
import { executionArn } from '#shared/journeys/start-execution.ts';
import {
  faultControls,
  formLinkIn,
  type LocalSystem,
  localIdentifierKey,
  startLocalSystem,
} from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';

// Private notes kept for their retention period after the journey ends; a journey erased on request.
const declined = scenarioOffer('dp-declined', { interviewers: [] });
const cancelled = scenarioOffer('dp-cancelled', { interviewers: [] });
const erased = scenarioOffer('dp-erased');
const completed = scenarioHire('dp-completed', '2026-12-01', { onboarding: { rounds: 1 } });

const RETENTION_SECONDS = 365 * 24 * 60 * 60;
const note = (tag: string) => `PRIVATE-${tag}: ご家族の体調の件は本人限り`;

let system: LocalSystem;
let faults: LocalFaultControls;
let table: DynamoDBDocumentClient;
const ids: Record<string, string> = {};
let mailAtErasure = 0;
const idOf = (key: string) => ids[key] ?? '';

type Item = Record<string, unknown> & { pk: string; sk: string };

const partition = async (journeyId: string): Promise<Item[]> => {
  const result = await table.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `JOURNEY#${journeyId}` },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []) as Item[];
};
const notesItems = async (journeyId: string) =>
  (await partition(journeyId)).filter((item) => item.sk.startsWith('NOTES#'));
const wholeTable = async (): Promise<string> => {
  await system.runtime.idle();
  const result = await table.send(
    new ScanCommand({ TableName: process.env.TABLE_NAME, ConsistentRead: true }),
  );
  return JSON.stringify(result.Items ?? []);
};
const latestLinkTo = async (address: string) =>
  formLinkIn((await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text)).at(-1));
const endedAt = async (journeyId: string) => {
  const journey = (await system.journey(journeyId)) as unknown as { status: string; updatedAt: string };
  return { status: journey.status, seconds: Math.floor(Date.parse(journey.updatedAt) / 1000) };
};
const call = (method: string, journeyId: string, suffix = '', body?: unknown) =>
  system.api(`/journeys/${journeyId}${suffix}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  faults = faultControls(system);
  // The local runtime sets these in this process before any handler runs.
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB }),
  );
  for (const [key, body] of [
    [declined.offerId, declined],
    [cancelled.offerId, cancelled],
    [erased.offerId, erased],
    [completed.hireId, completed],
  ] as const) {
    ids[key] = await system.startJourney(body);
  }
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('erasure on request', () => {
  it('stops the journey, withdraws the meeting, and keeps nothing but the time of the erasure', async () => {
    const journeyId = idOf(erased.offerId);
    // Before the meeting: the candidate holds an invitation and the interviewer an open form.
    const interviewer = erased.interviewers[0]?.email ?? '';
    const insightLink = await latestLinkTo(interviewer);
    expect(await wholeTable()).toContain(erased.candidate.email);
    const candidateMail = (await system.mailTo(erased.candidate.email)).length;

    const response = await call('DELETE', journeyId);
    expect(response.status).toBe(200);
    mailAtErasure = (await system.emails()).length;
    const body = (await response.json()) as { status: string; erasedAt: string };
    expect(body).toEqual({ journeyId, status: 'erased', erasedAt: expect.any(String) });

    // The meeting nobody will hold leaves the candidate's calendar.
    const withdrawal = (await system.mailTo(erased.candidate.email)).slice(candidateMail);
    expect(withdrawal).toHaveLength(1);
    expect(withdrawal[0]?.attachments[0]?.content).toMatch(/METHOD:CANCEL/);

    // Only the erasure record is left: no profile, timeline, forms, claims or email claims of this journey.
    expect(await partition(journeyId)).toEqual([
      { pk: `JOURNEY#${journeyId}`, sk: 'ERASED', type: 'erasure', journeyId, erasedAt: body.erasedAt },
    ]);
    const everything = await wholeTable();
    for (const trace of [erased.offerId, erased.candidate.email, interviewer, erased.hr.email]) {
      expect(everything, trace).not.toContain(trace);
    }

    const execution = await new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN }).send(
      new DescribeExecutionCommand({
        executionArn: executionArn('STATE_MACHINE_ARN', journeyId),
      }),
    );
    expect(execution.status).toBe('ABORTED');
    // The interviewer's link shows a closed form.
    expect((await fetch(insightLink)).status).toBe(410);
  });

  it('answers 410 for the erased journey and 409 for its offerId, and erases again harmlessly', async () => {
    const journeyId = idOf(erased.offerId);
    const get = await system.api(`/journeys/${journeyId}`);
    expect(get.status).toBe(410);
    const gone = (await get.json()) as { status: string; erasedAt: string };
    expect(gone.status).toBe('erased');
    expect((await call('PATCH', journeyId, '', { startDate: '2027-05-06' })).status).toBe(410);
    expect((await call('POST', journeyId, '/cancel', { reason: 'resigned' })).status).toBe(410);

    const again = await call('DELETE', journeyId);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'erased', erasedAt: gone.erasedAt });

    const restart = await system.postJson('/journeys', erased);
    expect(restart.status).toBe(409);
    expect(((await restart.json()) as { message: string }).message).toMatch(/erased on request/);
    expect(await wholeTable()).not.toContain(erased.candidate.email);
  });

  it('still refuses an offer erased before journey ids were keyed', async () => {
    const before = scenarioOffer('dp-erased-unkeyed');
    const unkeyed = unkeyedJourneyIdFor(`offer:${before.offerId}`);
    // What an erasure left before this version: its record under the unkeyed id.
    await table.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: {
          pk: `JOURNEY#${unkeyed}`,
          sk: 'ERASED',
          type: 'erasure',
          journeyId: unkeyed,
          erasedAt: '2026-06-01T00:00:00.000Z',
        },
      }),
    );
    const restart = await system.postJson('/journeys', before);
    expect(restart.status).toBe(409);
    expect(((await restart.json()) as { message: string }).message).toMatch(/erased on request/);
    expect(await wholeTable()).not.toContain(before.candidate.email);
  });

  it('answers 404 for a journey that never existed', async () => {
    expect((await call('DELETE', 'j-00000000000000000000')).status).toBe(404);
    expect((await call('DELETE', 'not-a-journey')).status).toBe(404);
  });
});

describe('erasure racing a start of the same journey', () => {
  // A first start, or the same start sent again, fired together with the erasure: the erasure lands at a different
  // point of the start (and of the steps it sets off) each time.
  const RACES = 9;
  const raced = (index: number) =>
    index % 3 === 2 ? scenarioHire(`race-${index}`, '2026-11-24') : scenarioOffer(`race-${index}`);
  const keyOf = (body: ReturnType<typeof raced>) =>
    'hireId' in body ? `hire:${body.hireId}` : `offer:${body.offerId}`;
  const mailOf = async (tag: string) =>
    // Read straight from SES: the runtime's own reader waits for idle, and a held request is never idle.
    (await readMailbox(system.runtime.sesUrl, () => undefined)).filter((email) =>
      email.to.some((to) => to.includes(`+${tag}@`)),
    );

  it('answers no 5xx, and once the erasure has answered nothing of the journey is left, written or mailed', async () => {
    const outcomes: string[] = [];
    for (let index = 0; index < RACES; index += 1) {
      const body = raced(index);
      const tag = `race-${index}`;
      const journeyId = journeyIdFor(keyOf(body), localIdentifierKey());
      // Every other race is the same start sent again, to a journey already under way.
      if (index % 2 === 1) await system.startJourney(body);
      await system.runtime.idle();
      const [started, erased] = await Promise.all([
        system.postJson('/journeys', body),
        new Promise((resolve) => setTimeout(resolve, (index * 7) % 60)).then(async () => {
          const response = await call('DELETE', journeyId);
          return { status: response.status, mail: (await mailOf(tag)).map((email) => email.messageId) };
        }),
      ]);
      outcomes.push(`${started.status}/${erased.status}`);
      expect([200, 201, 409]).toContain(started.status);
      expect([200, 404]).toContain(erased.status);
      await system.runtime.idle();
      if (erased.status === 404) {
        // The erasure came before the journey existed: it starts, and is erased now for the next race.
        expect(started.status).toBe(201);
        expect((await call('DELETE', journeyId)).status).toBe(200);
        await system.runtime.idle();
      } else {
        expect((await mailOf(tag)).map((email) => email.messageId)).toEqual(erased.mail);
      }
      expect((await partition(journeyId)).map((item) => item.sk)).toEqual(['ERASED']);
      const everything = await wholeTable();
      expect(everything).not.toContain(`+${tag}@`);
      expect(everything).not.toContain(keyOf(body));
      expect((await system.postJson('/journeys', body)).status).toBe(409);
    }
    // The erasure landed both before and after the journey existed.
    expect(outcomes.some((outcome) => outcome.endsWith('/200'))).toBe(true);
  });

  const putOf = (journeyOrKey: string, sortKey: string) => (request: { target: string; body: string }) =>
    request.target.endsWith('.PutItem') &&
    request.body.includes(journeyOrKey) &&
    request.body.includes(sortKey);

  it('takes back a start sent again that wrote after the erasure, and answers it as erased', async () => {
    const body = scenarioOffer('race-again');
    const journeyId = await system.startJourney(body);
    await system.runtime.idle();
    // The start has passed its check for an erasure; its first write waits until the erasure has answered.
    const claim = faults.dynamo.holdNext(putOf(`CLAIM#offer:${body.offerId}`, 'CLAIM'));
    const again = system.postJson('/journeys', body);
    await claim.held;
    expect((await call('DELETE', journeyId)).status).toBe(200);
    const mailAtErasure = (await mailOf('race-again')).length;
    claim.release();

    const answer = await again;
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { message: string }).message).toMatch(/erased on request/);
    await system.runtime.idle();
    expect((await partition(journeyId)).map((item) => item.sk)).toEqual(['ERASED']);
    expect(await wholeTable()).not.toContain(body.offerId);
    expect(await mailOf('race-again')).toHaveLength(mailAtErasure);
  });

  it('lets a step still running when the erasure answered write nothing back and mail nobody', async () => {
    const body = scenarioOffer('race-step');
    const journeyId = journeyIdFor(`offer:${body.offerId}`, localIdentifierKey());
    // The interviewer's form is open; its request is about to be mailed when the erasure comes.
    const mail = faults.dynamo.holdNext(putOf(`JOURNEY#${journeyId}`, 'EMAIL#prep.requested#'));
    expect((await system.postJson('/journeys', body)).status).toBe(201);
    await mail.held;
    expect((await call('DELETE', journeyId)).status).toBe(200);
    const mailAtErasure = (await mailOf('race-step')).map((email) => email.messageId);
    mail.release();

    await system.runtime.idle();
    expect((await mailOf('race-step')).map((email) => email.messageId)).toEqual(mailAtErasure);
    expect((await partition(journeyId)).map((item) => item.sk)).toEqual(['ERASED']);
    expect(await wholeTable()).not.toContain('+race-step@');
  });
});

describe('retention of private notes', () => {
  it('keeps the notes of a declined offer apart from the form, deleted 365 days after the journey ended', async () => {
    await system.advanceTo('2026-12-03T11:00:00+09:00');
    await system.submitForm(await latestLinkTo(declined.hr.email), {
      decision: 'declined',
      remainingConcerns: '勤務地',
      notes: note('declined'),
    });
    const journeyId = idOf(declined.offerId);
    const end = await endedAt(journeyId);
    expect(end.status).toBe('declined');

    const items = await partition(journeyId);
    const [notes, ...others] = items.filter((item) => item.sk.startsWith('NOTES#'));
    expect(others).toEqual([]);
    expect(notes).toMatchObject({ kind: 'offer-outcome', field: 'notes', text: note('declined') });
    expect(notes?.expiresAt).toBe(end.seconds + RETENTION_SECONDS);
    expect(new Date(Number(notes?.expiresAt) * 1000).toISOString()).toBe('2027-12-03T02:00:00.000Z');
    // The form keeps its other answers, and nothing else holds the notes.
    const form = items.find((item) => item.sk === `FORM#${String(notes?.formId)}`);
    expect(form?.answers).toEqual({ decision: 'declined', remainingConcerns: '勤務地' });
    const elsewhere = items.filter((item) => item !== notes);
    expect(JSON.stringify(elsewhere)).not.toContain('PRIVATE');
  });

  it('starts the retention period when a journey is cancelled, not when the notes were written', async () => {
    await system.submitForm(await latestLinkTo(cancelled.hr.email), {
      decision: 'undecided',
      remainingConcerns: '',
      notes: note('cancelled'),
    });
    const journeyId = idOf(cancelled.offerId);
    const [open] = await notesItems(journeyId);
    expect(open?.text).toBe(note('cancelled'));
    // The journey is still running: its notes have no end yet.
    expect(open?.expiresAt).toBeUndefined();

    await system.advanceTo('2026-12-04T15:30:00+09:00');
    expect((await call('POST', journeyId, '/cancel', { reason: 'offer-withdrawn' })).status).toBe(200);
    const end = await endedAt(journeyId);
    expect(end.status).toBe('cancelled');
    expect(end.seconds).toBe(Date.parse('2026-12-04T15:30:00+09:00') / 1000);
    const [notes] = await notesItems(journeyId);
    expect(notes?.expiresAt).toBe(end.seconds + RETENTION_SECONDS);

    // Cancelling again keeps the first end.
    await system.advanceTo('2026-12-05T10:00:00+09:00');
    expect((await call('POST', journeyId, '/cancel', { reason: 'offer-withdrawn' })).status).toBe(200);
    expect((await notesItems(journeyId))[0]?.expiresAt).toBe(end.seconds + RETENTION_SECONDS);
  });

  it('sets the expiry of a completed journey from the moment it completed', async () => {
    // Onboarding began on the start date (1 December), which the clock has passed.
    const journeyId = idOf(completed.hireId);
    const [round] = ((await system.journey(journeyId)) as unknown as { rounds: { sessionAt: string }[] })
      .rounds;
    expect(round).toBeDefined();
    await system.advanceTo(new Date(Date.parse(round?.sessionAt ?? '') + 60 * 60 * 1000).toISOString());
    await system.submitForm(await latestLinkTo(completed.hr.email), {
      condition: 'watch',
      privateNotes: note('completed'),
      consent: 'none',
      teamSummary: '',
      followUp: '',
    });
    const end = await endedAt(journeyId);
    expect(end.status).toBe('completed');
    const notes = await notesItems(journeyId);
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'session-outcome',
        field: 'privateNotes',
        round: 1,
        text: note('completed'),
        expiresAt: end.seconds + RETENTION_SECONDS,
      }),
    ]);
  });
});

describe('afterwards', () => {
  it('let nothing of the erased journey run in the months since: its schedules went with it', async () => {
    const journeyId = idOf(erased.offerId);
    // The clock has moved months past the meeting, its reminders and deadlines by now.
    const mail = (await system.emails()).slice(mailAtErasure);
    expect(mail.filter((email) => email.to.some((to) => to.includes('dp-erased')))).toEqual([]);
    expect((await partition(journeyId)).map((item) => item.sk)).toEqual(['ERASED']);
  });

  it('erases an ended journey with its private notes', async () => {
    const journeyId = idOf(declined.offerId);
    expect(await notesItems(journeyId)).toHaveLength(1);
    expect((await call('DELETE', journeyId)).status).toBe(200);
    expect((await partition(journeyId)).map((item) => item.sk)).toEqual(['ERASED']);
    expect(await wholeTable()).not.toContain('PRIVATE-declined');
  });
});
