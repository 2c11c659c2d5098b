import { createHash } from 'node:crypto';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionArn } from '#shared/journeys/start-execution.ts';
import {
  eventTypes,
  formLinkIn,
  type LocalSystem,
  meetingUid,
  startLocalSystem,
} from '../support/local-system.ts';
import { readByTheStandards } from '../support/raw-mail.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

const LOCATION = '東京都千代田区丸の内一丁目 本社ビル 12階 大会議室（受付でお名前をお伝えください）';
const offer = scenarioOffer('accepted', {
  location: LOCATION,
  interviewers: [
    { name: '高橋 健', email: 'ken.takahashi+accepted@example.co.jp' },
    { name: 'Emma Clarke', email: 'emma.clarke+accepted@example.co.jp', locale: 'en' },
  ],
});
const PRIVATE_NOTE = 'HRだけのメモ: 家族の事情で迷っていた';

let system: LocalSystem;
let journeyId: string;

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('an offer that is accepted', () => {
  it('starts the journey, invites the candidate and asks every interviewer for insight', async () => {
    const response = await system.postJson('/journeys', offer);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { journeyId: string; status: string };
    journeyId = body.journeyId;
    expect(body.status).toBe('offer-follow-up');

    const [invitation] = await system.mailTo(offer.candidate.email);
    expect(invitation?.subject).toMatch(/面談/);
    const ics = invitation?.attachments.find((attachment) =>
      attachment.contentType.startsWith('text/calendar'),
    );
    expect(ics?.content).toMatch(/METHOD:REQUEST/);
    expect(ics?.content).toContain(`UID:${meetingUid(journeyId, 'offer-meeting')}`);
    expect(ics?.content).toMatch(/SEQUENCE:0/);
    expect(ics?.content).toContain(`SUMMARY:オファー面談（${offer.hr.name}）`);
    expect(ics?.content).toMatch(/DTSTART:20261203T010000Z/);

    expect(await system.mailTo('ken.takahashi+accepted@')).toHaveLength(1);
    const [english] = await system.mailTo('emma.clarke+accepted@');
    expect(english?.text).toMatch(/worr/i);

    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toEqual([
      'journey.started',
      'invitation.sent',
      'prep.requested',
      'prep.requested',
    ]);
  });

  it('sends the invitation by the mail and calendar standards, and HR the same entry for their own calendar', async () => {
    const [invitation] = await system.mailTo(offer.candidate.email);
    if (!invitation) throw new Error('no invitation');
    const { parsed, calendars } = await readByTheStandards(system, invitation);
    expect(parsed.text).toContain(`場所：${LOCATION}`);
    // Outlook and Gmail offer accept and decline for the alternative; other clients take the file.
    const [alternative, file] = [
      calendars.find((part) => part.alternative),
      calendars.find((part) => !part.alternative),
    ];
    expect(alternative?.method).toBe('REQUEST');
    expect(file?.octets.equals(alternative?.octets ?? Buffer.alloc(0))).toBe(true);
    const event = alternative?.event;
    expect(alternative?.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event?.getFirstPropertyValue('location')).toBe(LOCATION);
    expect(String(event?.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${offer.hr.email}`);
    expect(String(event?.getFirstPropertyValue('attendee')).toLowerCase()).toBe(
      `mailto:${offer.candidate.email}`,
    );
    // A keyed hash: neither the journey id nor a plain SHA-256 of it and the meeting.
    const uid = String(event?.getFirstPropertyValue('uid'));
    expect(uid).toBe(meetingUid(journeyId, 'offer-meeting'));
    expect(uid).not.toContain(journeyId);
    for (const plain of [`${journeyId}.offer-meeting`, `meeting\u0000${journeyId}\u0000offer-meeting`]) {
      expect(uid).not.toContain(createHash('sha256').update(plain).digest('hex').slice(0, 32));
    }

    const [copy, ...more] = await system.organizerCopiesTo(offer.hr.email);
    expect(more).toHaveLength(0);
    if (!copy) throw new Error('no copy for HR');
    const forHr = await readByTheStandards(system, copy);
    expect(forHr.parsed.text).toContain(offer.candidate.name);
    expect(forHr.parsed.text).toContain(LOCATION);
    const hrEntry = forHr.calendars.find((part) => part.alternative);
    expect(hrEntry?.method).toBe('PUBLISH');
    expect(hrEntry?.event.getFirstPropertyValue('uid')).toBe(uid);
    expect(hrEntry?.event.getFirstPropertyValue('sequence')).toBe(0);
    expect(hrEntry?.event.getFirstPropertyValue('location')).toBe(LOCATION);
    expect(hrEntry?.event.getFirstPropertyValue('attendee')).toBeNull();

    // Every other mail of the journey so far is by the standards too.
    for (const email of await system.emails()) await readByTheStandards(system, email);
  });

  it('takes the interviewers answers into the brief HR receives', async () => {
    const [ken] = await system.mailTo('ken.takahashi+accepted@');
    const [emma] = await system.mailTo('emma.clarke+accepted@');
    const answered = await system.submitForm(formLinkIn(ken), {
      concerns: '配属先のチームの雰囲気を気にしていた',
      impressions: '落ち着いて話す',
      strengths: '設計の説明が明快',
    });
    expect(answered.status).toBe(200);
    expect(await system.mailTo(offer.hr.email)).toHaveLength(0);

    await system.submitForm(formLinkIn(emma), {
      concerns: 'Unsure about remote work rules',
      impressions: '',
      strengths: '',
    });
    const [brief] = await system.mailTo(offer.hr.email);
    expect(brief?.text).toContain('配属先のチームの雰囲気を気にしていた');
    expect(brief?.text).toContain('Unsure about remote work rules');
    expect(brief?.text).toContain('残業の多さを気にしている');
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey).filter((type) => type === 'prep.submitted')).toHaveLength(2);
    expect(eventTypes(journey)).toContain('brief.sent');
    expect(eventTypes(journey)).not.toContain('prep.reminded');
  });

  it('asks HR for the outcome once the meeting is over, not before', async () => {
    await system.advanceTo('2026-12-03T10:59:00+09:00');
    expect(eventTypes(await system.journey(journeyId))).not.toContain('outcome.requested');
    await system.advanceTo('2026-12-03T11:00:00+09:00');
    expect(eventTypes(await system.journey(journeyId))).toContain('outcome.requested');
    expect(await system.mailTo(offer.hr.email)).toHaveLength(2);
  });

  it('hands the remaining concerns, and never the private notes, to the manager and mentor', async () => {
    const outcomeRequest = (await system.mailTo(offer.hr.email))[1];
    const response = await system.submitForm(formLinkIn(outcomeRequest), {
      decision: 'accepted',
      remainingConcerns: '最初の3か月の残業時間',
      notes: PRIVATE_NOTE,
    });
    expect(response.status).toBe(200);

    for (const address of [offer.manager.email, offer.mentor.email]) {
      const mail = await system.mailTo(address);
      expect(mail).toHaveLength(1);
      expect(mail[0]?.text).toContain('最初の3か月の残業時間');
      expect(mail[0]?.text).not.toContain(PRIVATE_NOTE);
      expect(mail[0]?.html).not.toContain(PRIVATE_NOTE);
    }
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('awaiting-start');
    expect(eventTypes(journey).slice(-4)).toEqual([
      'outcome.recorded',
      'offer.accepted',
      'handoff.sent',
      'onboarding.scheduled',
    ]);
    expect(JSON.stringify(journey.timeline)).not.toContain(PRIVATE_NOTE);
  });

  it('begins onboarding on the start date', async () => {
    await system.advanceTo('2027-03-31T18:00:00+09:00');
    expect((await system.journey(journeyId)).status).toBe('awaiting-start');
    await system.advanceTo('2027-04-01T09:00:00+09:00');
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('onboarding');
    expect(eventTypes(journey).at(-1)).toBe('onboarding.started');
  });

  it('ran the synthesized state machine through the steps HR would name', async () => {
    const sfn = new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL_SFN });
    const history = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn('STATE_MACHINE_ARN', journeyId),
      }),
    );
    const entered = (history.events ?? [])
      .map((event) => event.stateEnteredEventDetails?.name)
      .filter((name): name is string => Boolean(name));
    // Every state does work: no Choice, Map or Pass between them.
    expect(entered).toEqual(['OpenOfferFollowUp', 'SendMeetingBrief', 'RequestOutcome', 'CloseOffer']);
  });
});
