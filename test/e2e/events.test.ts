import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PutEvent } from '#infra/local/event-bus-service.ts';
import { LOCAL_EVENT_BUS_NAME } from '#infra/local/runtime.ts';
import { JOURNEY_EVENT_SOURCE } from '#shared/domain/journey-event-source.ts';
import {
  eventTypes,
  faultControls,
  formLinkIn,
  type LocalSystem,
  startLocalSystem,
} from '../support/local-system.ts';
import { scenarioHire, scenarioOffer } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

/**
 * HR's systems drive journeys with events on the journeys bus, and every timeline event goes back out on it: in
 * through the same use cases as the API, out with ids, types, dates and categories only.
 */
let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
});
afterAll(async () => {
  await system?.runtime.stop();
});

const SOURCE = 'hris.example';

/** Puts an event on the local journeys bus, as HR's system would with PutEvents, and waits for its effects. */
const putEvent = async (detailType: string, detail: unknown) => {
  const response = await system.postJson('/local/events', {
    Entries: [
      {
        Source: SOURCE,
        DetailType: detailType,
        Detail: JSON.stringify(detail),
        EventBusName: LOCAL_EVENT_BUS_NAME,
      },
    ],
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { FailedEntryCount: number; Entries: { EventId?: string }[] };
  expect(answer.FailedEntryCount).toBe(0);
  await system.runtime.idle();
  return answer.Entries[0]?.EventId ?? '';
};

const published = async (): Promise<PutEvent[]> => {
  const response = await system.api('/local/events');
  expect(response.status).toBe(200);
  return ((await response.json()) as PutEvent[]).filter(
    (entry) => entry.event.source === JOURNEY_EVENT_SOURCE,
  );
};

interface DeadLetter {
  queue: string;
  body: {
    id?: string;
    'detail-type'?: string;
    detail?: unknown;
    requestContext?: { condition?: string };
    requestPayload?: { id?: string };
  };
  attributes: Record<string, string>;
}
const deadLetters = async (): Promise<DeadLetter[]> => {
  const response = await system.api('/local/dead-letters');
  expect(response.status).toBe(200);
  return (await response.json()) as DeadLetter[];
};

/** The journey an offer started, as POST /journeys answers a retry of the same offer. */
const journeyIdOf = async (offer: unknown): Promise<string> => {
  const response = await system.postJson('/journeys', offer);
  expect(response.status).toBe(200);
  return ((await response.json()) as { journeyId: string }).journeyId;
};

describe('events in', () => {
  const offer = scenarioOffer('event-start');

  it('OfferIssued starts a journey as POST /journeys does, and its redelivery starts nothing and mails no one again', async () => {
    await putEvent('OfferIssued', offer);
    const mailAfterFirst = await system.emails();
    const journeyId = await journeyIdOf(offer);
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('offer-follow-up');
    expect(eventTypes(journey)).toContain('journey.started');
    expect(await system.mailTo(offer.interviewers[0]?.email ?? '')).toHaveLength(1);

    await putEvent('OfferIssued', offer);
    expect(await system.emails()).toHaveLength(mailAfterFirst.length);
    expect(eventTypes(await system.journey(journeyId))).toEqual(eventTypes(journey));
  });

  it('StartDateChanged moves the journey once, however often it is delivered', async () => {
    const journeyId = await journeyIdOf(offer);
    await putEvent('StartDateChanged', { offerId: offer.offerId, startDate: '2027-04-08' });
    const mailAfterFirst = (await system.emails()).length;
    await putEvent('StartDateChanged', { offerId: offer.offerId, startDate: '2027-04-08' });
    expect(await system.emails()).toHaveLength(mailAfterFirst);
    const journey = (await system.journey(journeyId)) as Awaited<ReturnType<LocalSystem['journey']>> & {
      startDate: string;
    };
    expect(journey.startDate).toBe('2027-04-08');
    const moves = journey.timeline.filter((event) => event.type === 'journey.rescheduled');
    expect(moves).toEqual([expect.objectContaining({ startDate: { from: '2027-04-01', to: '2027-04-08' } })]);
    const movedOut = (await published()).filter(
      (entry) => entry.event['detail-type'] === 'journey.rescheduled',
    );
    expect(movedOut.map((entry) => entry.event.detail)).toEqual([
      expect.objectContaining({ journeyId, startDate: { from: '2027-04-01', to: '2027-04-08' } }),
    ]);
  });

  it('an event its use case refuses lands in the dead-letter queue at once, with its reason, and writes nothing', async () => {
    const before = await tableSnapshot();
    const mailBefore = (await system.emails()).length;
    const bad = scenarioOffer('event-invalid', { candidate: { name: '山田 花子', email: 'not-an-address' } });
    const badId = await putEvent('OfferIssued', bad);
    const unknownId = await putEvent('StartDateChanged', {
      offerId: 'OFR-never-issued',
      startDate: '2027-05-01',
    });

    expect(await tableSnapshot()).toEqual(before);
    expect(await system.emails()).toHaveLength(mailBefore);
    const letters = await deadLetters();
    const invalid = letters.filter((letter) => letter.body.id === badId);
    // Refused once, not retried: one message.
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.attributes).toMatchObject({
      status: '400',
      detailType: 'OfferIssued',
      eventId: badId,
    });
    expect(JSON.parse(invalid[0]?.attributes.errors ?? '{}')).toEqual({
      'candidate.email': 'must be an email address',
    });
    // The event itself, unchanged, to send again once fixed.
    expect(invalid[0]?.body.detail).toEqual(bad);
    const unknown = letters.filter((letter) => letter.body.id === unknownId);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.attributes).toMatchObject({ status: '404', detailType: 'StartDateChanged' });
    // The reason names fields and says what is wrong with them, never the values sent.
    for (const letter of [...invalid, ...unknown]) {
      const reason = JSON.stringify(letter.attributes);
      expect(reason).not.toContain('not-an-address');
      expect(reason).not.toContain('山田');
    }
  });

  it('tries an event again when handling it failed, and dead-letters one that keeps failing', async () => {
    const faults = faultControls(system).functions;
    const retried = scenarioOffer('event-retried');
    faults.failNext('receive-event', 'before', 1);
    await putEvent('OfferIssued', retried);
    expect((await system.journey(await journeyIdOf(retried))).status).toBe('offer-follow-up');

    const failing = scenarioOffer('event-failing');
    faults.failNext('receive-event', 'before', 3);
    const failingId = await putEvent('OfferIssued', failing);
    const letters = (await deadLetters()).filter((letter) => letter.body.requestPayload?.id === failingId);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.body.requestContext?.condition).toBe('RetriesExhausted');
    expect(await system.mailTo(failing.candidate.email)).toEqual([]);
  });

  it('OfferWithdrawn cancels the journey, and a redelivery finds it cancelled already', async () => {
    const withdrawn = scenarioOffer('event-withdrawn');
    await putEvent('OfferIssued', withdrawn);
    const journeyId = await journeyIdOf(withdrawn);
    await putEvent('OfferWithdrawn', { offerId: withdrawn.offerId });
    const mailAfterCancel = (await system.emails()).length;
    await putEvent('OfferWithdrawn', { offerId: withdrawn.offerId });
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('cancelled');
    expect(journey.timeline.filter((event) => event.type === 'journey.cancelled')).toEqual([
      expect.objectContaining({ reason: 'offer-withdrawn' }),
    ]);
    expect(await system.emails()).toHaveLength(mailAfterCancel);
  });

  it('EmployeeLeft records the departure of a journey started under its hireId, once however often it comes', async () => {
    const hire = scenarioHire('event-left', '2026-12-01');
    const journeyId = await system.startJourney(hire);
    await putEvent('EmployeeLeft', { hireId: hire.hireId, on: '2027-01-31', reason: 'voluntary' });
    const mailAfterFirst = (await system.emails()).length;
    await putEvent('EmployeeLeft', { hireId: hire.hireId, on: '2027-01-31', reason: 'voluntary' });
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('left');
    expect(journey.timeline.filter((event) => event.type === 'journey.left')).toEqual([
      expect.objectContaining({ on: '2027-01-31', reason: 'voluntary' }),
    ]);
    expect(await system.emails()).toHaveLength(mailAfterFirst);
    const leftOut = (await published()).filter((entry) => entry.event['detail-type'] === 'journey.left');
    expect(leftOut.map((entry) => entry.event.detail)).toEqual([
      expect.objectContaining({ journeyId, on: '2027-01-31', reason: 'voluntary' }),
    ]);
  });
});

describe('events out', () => {
  it("publishes every timeline event of a journey once, with a stable id, and none of its people's names, addresses or words", async () => {
    const location = '本社 3F 会議室A';
    const offer = scenarioOffer('event-out', { location });
    await putEvent('OfferIssued', offer);
    const journeyId = await journeyIdOf(offer);
    await putEvent('HireCancelled', { offerId: offer.offerId });
    const journey = await system.journey(journeyId);

    const ours = (await published()).filter(
      (entry) => (entry.event.detail as { journeyId?: string }).journeyId === journeyId,
    );
    expect(ours.every((entry) => entry.eventBusName === LOCAL_EVENT_BUS_NAME)).toBe(true);
    expect(ours.map((entry) => entry.event['detail-type']).sort()).toEqual(eventTypes(journey).sort());
    const eventIds = ours.map((entry) => (entry.event.detail as { eventId: string }).eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(
      ours.find((entry) => entry.event['detail-type'] === 'journey.cancelled')?.event.detail,
    ).toMatchObject({
      journeyId,
      type: 'journey.cancelled',
      reason: 'hire-cancelled',
    });
    // HR's own offerId, once, so their systems can tell which offer the journey's events are about.
    expect(
      ours.find((entry) => entry.event['detail-type'] === 'journey.started')?.event.detail,
    ).toMatchObject({ journeyId, phase: 'offer', offerId: offer.offerId, template: 'default' });

    const people = [offer.candidate, offer.hr, offer.manager, offer.mentor, ...offer.interviewers];
    const secrets = [
      ...people.flatMap((person) => [person.name, person.email]),
      location,
      ...offer.selection.concerns,
    ];
    const text = JSON.stringify(ours);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('publishes a lived round (pulse answered with a comment, prep written by the team) with none of what anyone wrote or answered', async () => {
    const mentor = { name: '田中 美咲', email: 'misaki.tanaka+event-round@example.co.jp' };
    const location = '本社 5F 面談室';
    const hire = scenarioHire('event-round', '2027-02-01', { mentor, location });
    const journeyId = await system.startJourney(hire);
    const written = {
      comment: 'PULSE-COMMENT: 最近よく眠れない',
      progress: 'PREP-PROGRESS: 一人で進められるようになった',
      topics: 'PREP-TOPICS: チーム外の人との接点',
    };
    await system.advanceTo('2027-02-08T10:00:00+09:00');
    const [pulse] = (await system.mailTo(hire.employee.email)).filter((email) =>
      /仕事の調子/.test(email.subject),
    );
    const answered = await system.submitForm(formLinkIn(pulse), {
      answer: 'stormy',
      workload: 'rainy',
      relationships: '',
      comment: written.comment,
    });
    expect(answered.status).toBe(200);
    const { rounds } = (await system.journey(journeyId)) as unknown as { rounds: { startsAt: string }[] };
    await system.advanceTo(rounds[0]?.startsAt ?? '');
    for (const person of [hire.manager, mentor]) {
      const withLink = (await system.mailTo(person.email)).filter((email) => /\/forms\//.test(email.text));
      const prep = await system.submitForm(formLinkIn(withLink.at(-1)), {
        progress: written.progress,
        wellbeing: 'worried',
        topics: written.topics,
      });
      expect(prep.status).toBe(200);
    }
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toEqual(
      expect.arrayContaining(['pulse.answered', 'alert.raised', 'round.started', 'prep.submitted']),
    );

    const ours = (await published()).filter(
      (entry) => (entry.event.detail as { journeyId?: string }).journeyId === journeyId,
    );
    expect(ours.map((entry) => entry.event['detail-type']).sort()).toEqual(eventTypes(journey).sort());
    const text = JSON.stringify(ours);
    const people = [hire.employee, hire.hr, hire.manager, mentor];
    for (const secret of [
      ...people.flatMap((person) => [person.name, person.email]),
      location,
      ...Object.values(written),
      // The weather answers: what the new hire tells HR reaches no one else.
      'stormy',
      'rainy',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("takes none of the service's own events back in", async () => {
    const all = await (await system.api('/local/events')).json();
    const ownDelivered = (all as PutEvent[]).filter(
      (entry) => entry.event.source === JOURNEY_EVENT_SOURCE && entry.deliveredTo.length > 0,
    );
    expect(ownDelivered).toEqual([]);
  });
});
