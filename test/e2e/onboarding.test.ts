import { GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import { LOCAL_TIMER_DEAD_LETTER_ARN } from '#infra/local/runtime.ts';
import { scheduleName } from '#shared/timers/schedule-timer.ts';
import {
  eventTypes,
  faultControls,
  formLinkIn,
  type LocalSystem,
  meetingUid,
  startLocalSystem,
  withoutPulseChecks,
} from '../support/local-system.ts';

// Four new hires start on the same day; their onboarding months run side by side on one virtual clock.
const hire = (tag: string, extra: Record<string, unknown> = {}) => ({
  phase: 'onboarding',
  hireId: `HIRE-${tag}`,
  employee: { name: '山田 花子', email: `hanako+${tag}@example.com` },
  hr: { name: '佐藤 綾', email: `aya.sato+${tag}@example.co.jp` },
  manager: { name: '鈴木 一郎', email: `ichiro.suzuki+${tag}@example.co.jp` },
  mentor: { name: '田中 美咲', email: `misaki.tanaka+${tag}@example.co.jp` },
  startDate: '2027-02-01',
  ...extra,
});
const shares = hire('shares', { onboarding: { threePartyFromRound: 2 }, location: '本社 5F 1on1ルーム' });
const keepsPrivate = hire('private');
const alerts = hire('alerts', {
  onboarding: { hrLeadEmail: 'hr-lead+alerts@example.co.jp', hrLeadName: '高橋 直子' },
});
const silentManager = hire('silent', { mentor: undefined });
// HR never records round 1: its HR lead is named by no name. Its team summaries go out without the new hire's
// confirmation.
const unrecorded = hire('unrecorded', {
  onboarding: { hrLeadEmail: 'hr-lead+unrecorded@example.co.jp', hireConfirmsSummary: false },
});
// Cancelled while the new hire has yet to confirm round 1's team summary.
const leaves = hire('leaves', { mentor: undefined });
const everyone = [shares, keepsPrivate, alerts, silentManager, unrecorded];

const privateNote = (tag: string, round: number) => `PRIVATE-${tag}-r${round}: 体調の話は本人限り`;
const teamSummary = (round: number) => `第${round}回: チームの雰囲気にも慣れてきた`;
// Team summaries HR recorded with consent that the new hire then declined, or never confirmed.
const DECLINED = 'DECLINED: 業務量について上司に相談したい';
const UNANSWERED = 'UNANSWERED: 残業が続いている';
// What the new hire tells HR before the 1on1: the markers must never reach the manager or mentor.
const topicsOf = (tag: string) => ({
  topics: `TOPICS-${tag}: 通勤が少しつらい`,
  keepFromTeam: `KEEP-${tag}: 体調のことはチームに言わないでほしい`,
});

let system: LocalSystem;
const ids: Record<string, string> = {};
type Round = { round: number; startsAt: string; sessionAt: string; status: string; condition?: string };
let plan: Round[] = [];

// The latest form a person was asked to fill in; the new hire's pulse checks come on a cadence of their own.
const latestLinkTo = async (address: string): Promise<string> => {
  const withLink = withoutPulseChecks(await system.mailTo(address)).filter((email) =>
    /\/forms\//.test(email.text),
  );
  return formLinkIn(withLink.at(-1));
};
const mailSince = async (address: string, count: number): Promise<LocalEmail[]> =>
  (await system.mailTo(address)).slice(count);
const sessionEnd = (round: Round) => new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString();

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  for (const body of [...everyone, leaves]) {
    ids[body.hireId] = await system.startJourney(body);
  }
});
afterAll(async () => {
  await system?.runtime.stop();
});

const journeyOf = (body: { hireId: string }) => system.journey(ids[body.hireId] ?? '');

describe('onboarding months 1 to 3', () => {
  it('waits for the start date, then plans three rounds on business days', async () => {
    const before = await journeyOf(shares);
    expect(before.status).toBe('awaiting-start');
    expect(eventTypes(before)).toEqual(['journey.started', 'onboarding.scheduled']);
    // Should Scheduler fail to deliver the start, the timer lands in the dead-letter queue, whose alarm calls ops.
    const schedule = await new SchedulerClient({}).send(
      new GetScheduleCommand({
        Name: scheduleName(before.journeyId, 'begin-onboarding'),
        GroupName: process.env.SCHEDULE_GROUP,
      }),
    );
    expect(schedule.Target?.DeadLetterConfig).toEqual({ Arn: LOCAL_TIMER_DEAD_LETTER_ARN });

    await system.advanceTo('2027-02-01T09:00:00+09:00');
    const journey = (await journeyOf(shares)) as unknown as { status: string; rounds: Round[] };
    expect(journey.status).toBe('onboarding');
    plan = journey.rounds;
    expect(plan.map((round) => round.sessionAt)).toEqual([
      '2027-03-01T15:00:00+09:00',
      '2027-04-01T15:00:00+09:00',
      '2027-05-06T15:00:00+09:00',
    ]);
    expect(plan.every((round) => round.status === 'scheduled')).toBe(true);
  });

  it('round 1 invites the new hire to an HR-only 1on1 and asks the manager and mentor to prepare', async () => {
    const round = plan[0] as Round;
    await system.advanceTo(round.startsAt);

    const [invitation] = withoutPulseChecks(await system.mailTo(shares.employee.email));
    const ics = invitation?.attachments.find((attachment) => attachment.filename?.endsWith('.ics'))?.content;
    expect(ics).toMatch(/METHOD:REQUEST/);
    expect(ics).toContain(`UID:${meetingUid(ids[shares.hireId] ?? '', 'session-r1')}`);
    expect(ics).toMatch(/SEQUENCE:0/);
    // The journey's place is every session's, in the mail and the calendar entry, and HR's copy has it too.
    expect(ics).toContain('LOCATION:本社 5F 1on1ルーム');
    expect(invitation?.text).toContain('場所：本社 5F 1on1ルーム');
    const [copy] = await system.organizerCopiesTo(shares.hr.email);
    const entry = copy?.attachments.find((file) => file.filename?.endsWith('.ics'))?.content;
    expect(entry).toMatch(/METHOD:PUBLISH/);
    expect(entry).toContain(`UID:${meetingUid(ids[shares.hireId] ?? '', 'session-r1')}`);
    expect(entry).toContain('LOCATION:本社 5F 1on1ルーム');
    expect(entry, 'the topics link stays in the new hire’s own mail').not.toMatch(/\/forms\//);
    expect(invitation?.text).not.toMatch(/評価|査定/);
    expect(invitation?.text).toContain('1on1で話したいこと（任意）');
    expect(formLinkIn(invitation)).toBeTruthy();
    // Calendars are often shared with colleagues: the entry never carries the personal link.
    expect(ics?.replace(/\r\n[ \t]/g, '')).not.toContain('/forms/');
    // Mail and calendar files are stamped by the system's clock, here the virtual one.
    const sentAt = new Date(round.startsAt).toISOString();
    expect(invitation?.at).toBe(sentAt);
    expect(ics).toContain(`DTSTAMP:${sentAt.replace(/[-:]|\.\d+/g, '')}`);

    const journey = await journeyOf(shares);
    const sent = journey.timeline.find((event) => event.type === 'invitation.sent' && event.round === 1);
    expect(sent?.threeParty).toBe(false);
    expect(eventTypes(journey)).toEqual(
      expect.arrayContaining(['round.started', 'team-session.reminded', 'prep.requested']),
    );
    expect(journey.timeline.filter((event) => event.type === 'prep.requested')).toHaveLength(2);
    // The manager's own team session is a separate reminder; the prep form is another mail.
    expect(await system.mailTo(shares.manager.email)).toHaveLength(2);
    expect(await system.mailTo(silentManager.manager.email)).toHaveLength(2);
  });

  it("takes the new hire's topics from the invitation's link once, recording only that they wrote", async () => {
    const link = formLinkIn(withoutPulseChecks(await system.mailTo(shares.employee.email))[0]);
    const before = await journeyOf(shares);
    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    const shownPage = await shown.text();
    expect(shownPage).toContain('<h1>第1回人事との1on1で話したいこと</h1>');
    expect(shownPage).toContain('人事からチームには伝えないでほしいこと');
    await system.runtime.idle();
    const topicsForm = async () =>
      (await journeyOf(shares)).forms.find((form) => form.kind === 'session-topics');
    expect(await topicsForm()).toMatchObject({ status: 'open' });
    expect((await journeyOf(shares)).timeline).toEqual(before.timeline);

    const empty = await system.submitForm(link, { topics: '', keepFromTeam: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('いずれか1つ以上の欄にご記入ください。');
    expect(await topicsForm()).toMatchObject({ status: 'open' });

    expect((await system.submitForm(link, topicsOf('shares'))).status).toBe(200);
    expect((await system.submitForm(link, topicsOf('shares'))).status).toBe(409);
    const journey = await journeyOf(shares);
    expect(journey.timeline.filter((event) => event.type === 'topics.submitted')).toEqual([
      expect.objectContaining({ formId: (await topicsForm())?.formId, round: 1 }),
    ]);
    expect(JSON.stringify(journey)).not.toMatch(/TOPICS-|KEEP-/);
    expect(await topicsForm()).toMatchObject({ status: 'submitted' });
  });

  it('briefs HR with what the manager and mentor said', async () => {
    for (const body of [shares, keepsPrivate]) {
      for (const address of [body.manager.email, body.mentor?.email ?? '']) {
        const response = await system.submitForm(await latestLinkTo(address), {
          progress: '担当タスクを一人で進められるようになった',
          wellbeing: 'well',
          topics: 'チーム外の人との接点',
        });
        expect(response.status).toBe(200);
      }
    }
    const [brief] = (await system.mailTo(shares.hr.email)).filter((email) =>
      /第1回|Round 1/.test(email.subject),
    );
    expect(brief?.text).toContain('担当タスクを一人で進められるようになった');
    expect(brief?.text).toContain('チーム外の人との接点');
    // The new hire's own words, in a section for HR only.
    expect(brief?.text).toContain(`話したいこと：${topicsOf('shares').topics}`);
    expect(brief?.text).toContain(
      `人事からチームには伝えないでほしいこと：${topicsOf('shares').keepFromTeam}`,
    );
    // Already in the brief: no separate update.
    const updates = (await system.mailTo(shares.hr.email)).filter((email) =>
      /が話したいこと/.test(email.subject),
    );
    expect(updates).toHaveLength(0);
  });

  it('mails HR, once, topics that arrive after the brief went out', async () => {
    expect(eventTypes(await journeyOf(keepsPrivate))).toContain('brief.sent');
    const hrMailBefore = (await system.mailTo(keepsPrivate.hr.email)).length;
    const link = formLinkIn(withoutPulseChecks(await system.mailTo(keepsPrivate.employee.email))[0]);
    expect((await system.submitForm(link, topicsOf('private'))).status).toBe(200);
    expect((await system.submitForm(link, topicsOf('private'))).status).toBe(409);
    const [update, ...more] = await mailSince(keepsPrivate.hr.email, hrMailBefore);
    expect(more).toHaveLength(0);
    expect(update?.subject).toMatch(/^第1回フォローアップ面談：山田 花子さんが話したいこと/);
    expect(update?.text).toContain(topicsOf('private').topics);
    expect(update?.text).toContain(topicsOf('private').keepFromTeam);
  });

  it('raises an alert as soon as a manager answers "worried", before the other prep forms close', async () => {
    const employeeMailBefore = (await system.mailTo(alerts.employee.email)).length;
    const hrMailBefore = (await system.mailTo(alerts.hr.email)).length;
    const link = await latestLinkTo(alerts.manager.email);
    const worried = { progress: '', wellbeing: 'worried', topics: '最近元気がない' };
    // SES refuses the first alert mail: the manager is asked to try again. Their answer was kept, and sending
    // it again finishes the submission, alert included; any later attempt changes nothing.
    faultControls(system).ses.rejectNext(1);
    expect((await system.submitForm(link, worried)).status).toBe(503);
    expect(await system.mailTo('hr-lead+alerts@')).toHaveLength(0);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await system.submitForm(link, worried)).status).toBe(409);
    }
    // The mentor has not answered and the prep deadline is days away: the alert does not wait for either.
    const journey = await journeyOf(alerts);
    expect(journey.timeline.filter((event) => event.type === 'brief.sent' && !event.followUp)).toHaveLength(
      0,
    );
    const raised = journey.timeline.filter((event) => event.type === 'alert.raised');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ round: 1, reason: 'manager-worried' });
    // The HR lead, by their own name; the HR contact, in whose name the extra session went out, by theirs.
    const [leadMail, ...moreLeadMail] = await system.mailTo('hr-lead+alerts@');
    expect(moreLeadMail).toHaveLength(0);
    expect(leadMail?.text).toMatch(/^高橋 直子 さん/);
    expect(leadMail?.text).toContain('佐藤 綾 さんの名前で');
    // Besides the extra session's own brief (next test).
    const [hrMail, ...moreHrMail] = (await mailSince(alerts.hr.email, hrMailBefore)).filter(
      (email) => !email.subject.startsWith('追加のフォロー面談の準備資料'),
    );
    expect(moreHrMail).toHaveLength(0);
    expect(hrMail?.subject).toMatch(/^【要フォロー】/);
    expect(hrMail?.text).toMatch(/^佐藤 綾 さん[\s\S]*あなたの名前で/);
    // Round 1, before any 1on1: the extra session does not speak of a last conversation, nor call an hour short.
    const [followUp, ...moreFollowUps] = await mailSince(alerts.employee.email, employeeMailBefore);
    expect(moreFollowUps).toHaveLength(0);
    expect(followUp?.attachments[0]?.content).toContain(
      `UID:${meetingUid(ids[alerts.hireId] ?? '', 'follow-up-r1')}`,
    );
    expect(followUp?.attachments[0]?.content).toMatch(/DURATION:PT60M/);
    expect(followUp?.text).not.toMatch(/前回|短い/);
  });

  it("raises a worried mentor's alert too, with no second extra session for the round", async () => {
    const employeeMailBefore = (await system.mailTo(alerts.employee.email)).length;
    await system.submitForm(await latestLinkTo(alerts.mentor?.email ?? ''), {
      progress: '',
      wellbeing: 'worried',
      topics: '',
    });
    const journey = await journeyOf(alerts);
    expect(
      journey.timeline.filter((event) => event.type === 'alert.raised').map((event) => event.reason),
    ).toEqual(['manager-worried', 'mentor-worried']);
    const leadMail = await system.mailTo('hr-lead+alerts@');
    expect(leadMail).toHaveLength(2);
    expect(leadMail[1]?.text).toMatch(/メンターが本人の様子を「心配」[\s\S]*新しい招待は送っていません/);
    expect(await mailSince(alerts.employee.email, employeeMailBefore)).toHaveLength(0);
  });

  it('runs the extra session as a round of its own: a brief saying why, its outcome, consent-gated sharing', async () => {
    const followUps = async () =>
      ((await journeyOf(alerts)) as unknown as { followUps: Record<string, unknown>[] }).followUps;
    const [proposed, ...moreProposed] = await followUps();
    expect(moreProposed).toHaveLength(0);
    expect(proposed).toMatchObject({ round: 1, reason: 'manager-worried', status: 'scheduled' });
    // HR is briefed at once: why it was raised, and what the worried manager answered (HR may read it).
    const [brief, ...moreBriefs] = (await system.mailTo(alerts.hr.email)).filter((email) =>
      email.subject.startsWith('追加のフォロー面談の準備資料'),
    );
    expect(moreBriefs).toHaveLength(0);
    expect(brief?.subject).toContain('第1回の期間中');
    expect(brief?.text).toContain('追加のフォロー面談を行う理由');
    expect(brief?.text).toContain('上司が本人の様子を「心配」と回答しました');
    expect(brief?.text).toContain('最近元気がない');
    expect(brief?.text).toContain('今回の問いかけ（個別フォロー）');

    // After the extra session HR records it on the same outcome form as a monthly 1on1, as a form of its own.
    const hrMailBefore = (await system.mailTo(alerts.hr.email)).length;
    const teamMailBefore = (await system.mailTo(alerts.manager.email)).length;
    await system.advanceTo(new Date(Date.parse(String(proposed?.sessionAt)) + 60 * 60 * 1000).toISOString());
    const [request, ...moreRequests] = await mailSince(alerts.hr.email, hrMailBefore);
    expect(moreRequests).toHaveLength(0);
    expect(request?.subject).toBe('山田 花子さんとの追加のフォロー面談（第1回の期間中）の記録をお願いします');
    expect(request?.text).toContain('上司・メンターにはこの面談のことを何も伝えません');
    const link = formLinkIn(request);
    const page = await (await fetch(link)).text();
    expect(page).toContain('追加のフォロー面談（第1回の期間中）の記録');
    const recorded = await system.submitForm(link, {
      condition: 'watch',
      privateNotes: privateNote('alerts-extra', 1),
      consent: 'summary',
      teamSummary: 'EXTRA: 業務量を一緒に見直している',
      followUp: '',
    });
    expect(recorded.status).toBe(200);
    // The summary goes first to the new hire, as after a monthly 1on1; the team hears nothing until they agree.
    expect(await mailSince(alerts.manager.email, teamMailBefore)).toHaveLength(0);
    const confirmation = (await system.mailTo(alerts.employee.email)).at(-1);
    expect(confirmation?.subject).toBe(
      '追加のフォロー面談の内容のうち、チームに共有する文面のご確認のお願い',
    );
    expect((await system.submitForm(formLinkIn(confirmation), { share: 'yes' })).status).toBe(200);

    for (const address of [alerts.manager.email, alerts.mentor?.email ?? '']) {
      const update = (await system.mailTo(address)).at(-1);
      expect(update?.subject).toBe('山田 花子さんとの追加の人事面談（第1回）：本人の同意を得た共有事項');
      expect(update?.text).toContain('EXTRA: 業務量を一緒に見直している');
      expect(`${update?.text}${update?.html}`).not.toContain('PRIVATE');
    }
    expect(await mailSince(alerts.manager.email, teamMailBefore)).toHaveLength(1);
    const journey = (await journeyOf(alerts)) as unknown as Awaited<ReturnType<typeof journeyOf>> & {
      rounds: Round[];
      followUps: Record<string, unknown>[];
    };
    expect(journey.followUps).toEqual([
      expect.objectContaining({ status: 'done', condition: 'watch', summaryConfirmation: 'confirmed' }),
    ]);
    expect(journey.timeline.filter((event) => /^summary\./.test(event.type))).toEqual([
      expect.objectContaining({ type: 'summary.requested', round: 1 }),
      expect.objectContaining({ type: 'summary.confirmed', round: 1 }),
      expect.objectContaining({
        type: 'summary.shared',
        round: 1,
        followUp: true,
        consent: 'summary',
        to: ['manager', 'mentor'],
      }),
    ]);
    // The monthly round is untouched: its outcome is still to come, and no round was scheduled twice.
    expect(journey.rounds[0]).toMatchObject({ round: 1, status: 'in-progress' });
    expect(journey.rounds[0]?.condition).toBeUndefined();
    expect(JSON.stringify(journey)).not.toContain('PRIVATE');
  });

  it('reminds a silent manager once and goes on without the answer at the deadline', async () => {
    const round = plan[0] as Round;
    await system.advanceTo(new Date(Date.parse(round.sessionAt) - 20 * 60 * 60 * 1000).toISOString());
    const journey = await journeyOf(silentManager);
    expect(eventTypes(journey).filter((type) => type === 'prep.reminded')).toHaveLength(1);
    expect(eventTypes(journey)).toContain('prep.expired');
    expect(eventTypes(journey)).toContain('brief.sent');
    expect(await system.mailTo(silentManager.manager.email)).toHaveLength(3);
  });

  it('asks HR for the outcome after the session and shares only what the new hire agreed to', async () => {
    const round = plan[0] as Round;
    await system.advanceTo(sessionEnd(round));
    const managerMailBefore = (await system.mailTo(keepsPrivate.manager.email)).length;
    const teamMailBefore = (await system.mailTo(shares.manager.email)).length;
    const employeeMailBefore = (await system.mailTo(shares.employee.email)).length;

    await system.submitForm(await latestLinkTo(shares.hr.email), {
      condition: 'good',
      privateNotes: privateNote('shares', 1),
      consent: 'summary',
      teamSummary: teamSummary(1),
      followUp: '',
    });
    // HR's own alert calls for an extra session (its run is a test further on).
    await system.submitForm(await latestLinkTo(keepsPrivate.hr.email), {
      condition: 'alert',
      privateNotes: privateNote('private', 1),
      consent: 'none',
      teamSummary: 'これは共有されない',
      followUp: 'CHECK-private: 通勤の負担',
    });

    // Without consent the team hears at once that the session took place, and the new hire is asked nothing.
    const [update] = await mailSince(keepsPrivate.manager.email, managerMailBefore);
    expect(update?.text).not.toContain('これは共有されない');
    expect(update?.text).not.toContain('PRIVATE');
    expect(eventTypes(await journeyOf(keepsPrivate))).not.toContain('summary.requested');
    const journey = await journeyOf(keepsPrivate);
    expect(journey.timeline.find((event) => event.type === 'summary.shared')).toMatchObject({
      consent: 'none',
    });
    expect(JSON.stringify(journey)).not.toContain('PRIVATE');

    // With consent, the summary goes first to the new hire; the team hears nothing yet.
    expect(await mailSince(shares.manager.email, teamMailBefore)).toHaveLength(0);
    const [request, ...moreRequests] = await mailSince(shares.employee.email, employeeMailBefore);
    expect(moreRequests).toHaveLength(0);
    expect(request?.subject).toBe('第1回人事面談の内容のうち、チームに共有する文面のご確認のお願い');
    expect(request?.text).not.toMatch(/評価のため(?!のものではなく)|査定/);
    expect(request?.text).toMatch(/ご回答の期限：2027年3月4日[\s\S]*18:00/);
    const link = formLinkIn(request);

    // A mail scanner opens the link: the page shows the exact text and two buttons, and records nothing.
    const before = await journeyOf(shares);
    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain(`<blockquote class="quoted">${teamSummary(1)}</blockquote>`);
    expect(page).toMatch(
      /<button type="submit" name="share" id="share-yes" value="yes">共有してよい<\/button>/,
    );
    expect(page).toMatch(/<button type="submit" name="share" id="share-no" value="no">共有しない<\/button>/);
    expect(page).not.toContain('PRIVATE');
    await system.runtime.idle();
    const after = await journeyOf(shares);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.forms).toEqual(before.forms);
    expect(after.timeline.find((event) => event.type === 'summary.requested')).toMatchObject({
      round: 1,
      deadline: '2027-03-04T09:00:00.000Z',
    });
    expect((after as unknown as { rounds: Round[] }).rounds[0]).toMatchObject({
      summaryConfirmation: 'waiting',
    });

    // No choice made: asked again, nothing recorded.
    const empty = await system.submitForm(link, {});
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('選択してください。');
    expect(await mailSince(shares.manager.email, teamMailBefore)).toHaveLength(0);

    const answered = await system.submitForm(link, { share: 'yes' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('この文面を、そのまま上司・メンターに共有します。');
    expect((await system.submitForm(link, { share: 'no' })).status).toBe(409);
    for (const address of [shares.manager.email, shares.mentor?.email ?? '']) {
      const [shared, ...more] = await mailSince(
        address,
        address === shares.manager.email ? teamMailBefore : 1,
      );
      expect(more).toHaveLength(0);
      expect(shared?.text).toContain(`> ${teamSummary(1)}\n`);
      expect(shared?.text).not.toContain('PRIVATE');
      expect(shared?.html).not.toContain('PRIVATE');
    }
    const confirmed = await journeyOf(shares);
    expect(confirmed.timeline.filter((event) => /^summary\./.test(event.type))).toEqual([
      expect.objectContaining({ type: 'summary.requested' }),
      expect.objectContaining({ type: 'summary.confirmed', round: 1 }),
      expect.objectContaining({ type: 'summary.shared', round: 1, consent: 'summary' }),
    ]);
    expect((confirmed as unknown as { rounds: Round[] }).rounds[0]).toMatchObject({
      summaryConfirmation: 'confirmed',
    });
    // HR was not mailed about it: nothing was held back.
    expect((await system.mailTo(shares.hr.email)).map((email) => email.subject).join()).not.toMatch(
      /共有されませんでした/,
    );
  });

  it('raises an alert on an "alert" outcome without waiting for the new hire to confirm the summary', async () => {
    await system.submitForm(await latestLinkTo(alerts.hr.email), {
      condition: 'alert',
      privateNotes: privateNote('alerts', 1),
      consent: 'summary',
      teamSummary: DECLINED,
      followUp: '来週もう一度話す',
    });
    // HR's own alert calls for an extra session too (its run is the test after next).
    await system.submitForm(await latestLinkTo(silentManager.hr.email), {
      condition: 'good',
      privateNotes: '',
      consent: 'summary',
      teamSummary: UNANSWERED,
      followUp: '',
    });
    const journey = await journeyOf(alerts);
    const raised = journey.timeline.filter((event) => event.type === 'alert.raised');
    expect(raised.map((event) => event.reason)).toEqual([
      'manager-worried',
      'mentor-worried',
      'condition-alert',
    ]);
    // The round's extra session shared its own summary earlier (followUp): this is about the 1on1's.
    const monthly = journey.timeline.filter((event) => !event.followUp).map((event) => event.type);
    expect(monthly).toContain('summary.requested');
    expect(monthly).not.toContain('summary.shared');
    const leadMail = await system.mailTo('hr-lead+alerts@');
    expect(leadMail).toHaveLength(3);
    expect(leadMail.map((email) => email.text).join()).not.toContain('PRIVATE');
    expect(leadMail.map((email) => email.text).join()).not.toContain('DECLINED');
    // Three alerts in round 1, one extra session.
    const extraSessions = (await system.mailTo(alerts.employee.email)).filter((email) =>
      email.attachments.some((attachment) =>
        [1, 2, 3].some((round) =>
          attachment.content?.includes(`UID:${meetingUid(ids[alerts.hireId] ?? '', `follow-up-r${round}`)}`),
        ),
      ),
    );
    expect(extraSessions).toHaveLength(1);
  });

  it('shares nothing of a summary the new hire declines, and tells HR', async () => {
    const teamMailBefore = (await system.mailTo(alerts.manager.email)).length;
    const hrMailBefore = (await system.mailTo(alerts.hr.email)).length;
    const answered = await system.submitForm(await latestLinkTo(alerts.employee.email), { share: 'no' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('この文面は共有しません。');
    const [update, ...more] = await mailSince(alerts.manager.email, teamMailBefore);
    expect(more).toHaveLength(0);
    expect(update?.subject).toBe('山田 花子さんの第1回人事面談を実施しました');
    const [told, ...moreTold] = await mailSince(alerts.hr.email, hrMailBefore);
    expect(moreTold).toHaveLength(0);
    expect(told?.subject).toBe('山田 花子さんの第1回面談のチーム共有メモは共有されませんでした');
    expect(told?.text).toContain('「共有しない」と選びました');
    expect(told?.text).not.toContain('DECLINED');
    const journey = await journeyOf(alerts);
    expect(journey.timeline.filter((event) => /^summary\./.test(event.type) && !event.followUp)).toEqual([
      expect.objectContaining({ type: 'summary.requested' }),
      expect.objectContaining({ type: 'summary.declined', round: 1 }),
      expect.objectContaining({ type: 'summary.shared', round: 1, consent: 'none' }),
    ]);
    expect((journey as unknown as { rounds: Round[] }).rounds[0]).toMatchObject({
      summaryConfirmation: 'declined',
    });
    for (const address of [alerts.manager.email, alerts.mentor?.email ?? '']) {
      for (const email of await system.mailTo(address)) {
        expect(`${email.text}${email.html}`).not.toContain('DECLINED');
      }
    }
  });

  it('stops cleanly when the journey is cancelled while the new hire has yet to confirm the summary', async () => {
    await system.submitForm(await latestLinkTo(leaves.hr.email), {
      condition: 'good',
      privateNotes: '',
      consent: 'summary',
      teamSummary: 'CANCELLED: まだ共有していない',
      followUp: '',
    });
    const link = await latestLinkTo(leaves.employee.email);
    expect(eventTypes(await journeyOf(leaves))).toContain('summary.requested');
    const journeyId = ids[leaves.hireId] ?? '';
    expect((await system.postJson(`/journeys/${journeyId}/cancel`, { reason: 'resigned' })).status).toBe(200);
    const journey = await journeyOf(leaves);
    expect(journey.status).toBe('cancelled');
    expect(journey.forms.find((form) => form.kind === 'summary-confirmation')?.status).toBe('cancelled');
    expect((await system.submitForm(link, { share: 'yes' })).status).toBe(410);
    // Checked again past the deadline: nothing more happened to this journey.
  });

  it('reminds HR once to record the 1on1, then closes the round as not recorded at the deadline', async () => {
    const outcomeMail = async () =>
      (await system.mailTo(unrecorded.hr.email)).filter((email) =>
        email.subject.includes('面談の記録をお願いします'),
      );
    const managerMailBefore = (await system.mailTo(unrecorded.manager.email)).length;
    // Session Monday 1 March 15:00: due Thursday 4 March 18:00, reminded halfway, in working hours.
    await system.advanceTo('2027-03-03T09:59:00+09:00');
    expect(await outcomeMail()).toHaveLength(1);
    await system.advanceTo('2027-03-03T10:00:00+09:00');
    const [request, reminder, ...more] = await outcomeMail();
    expect(more).toHaveLength(0);
    expect(reminder?.subject).toMatch(/^【リマインド】/);
    expect(formLinkIn(reminder)).toBe(formLinkIn(request));
    expect(request?.text).toMatch(/記録の期限[\s\S]*2027年3月4日[\s\S]*18:00/);

    await system.advanceTo('2027-03-04T17:59:00+09:00');
    expect(eventTypes(await journeyOf(unrecorded))).not.toContain('outcome.expired');
    expect(await system.mailTo('hr-lead+unrecorded@')).toHaveLength(0);
    await system.advanceTo('2027-03-04T18:00:00+09:00');

    const journey = (await journeyOf(unrecorded)) as unknown as Awaited<ReturnType<typeof journeyOf>> & {
      rounds: Round[];
    };
    expect(journey.timeline.filter((event) => event.type === 'outcome.expired')).toEqual([
      expect.objectContaining({ round: 1, at: '2027-03-04T09:00:00.000Z' }),
    ]);
    expect(eventTypes(journey)).not.toContain('summary.shared');
    expect(journey.rounds[0]).toMatchObject({ round: 1, status: 'not-recorded' });
    expect(journey.rounds[0]?.condition).toBeUndefined();
    const [leadMail, ...moreLeadMail] = await system.mailTo('hr-lead+unrecorded@');
    expect(moreLeadMail).toHaveLength(0);
    expect(leadMail?.text).toMatch(/^人事責任者様[\s\S]*第1回[\s\S]*「記録なし」/);
    expect(await system.mailTo(unrecorded.manager.email)).toHaveLength(managerMailBefore);
    // HR's link now shows that the form has closed, and a late record changes nothing.
    const late = await system.submitForm(formLinkIn(request), {
      condition: 'good',
      privateNotes: '',
      consent: 'none',
      teamSummary: '',
      followUp: '',
    });
    expect(late.status).toBe(410);
    expect(eventTypes(await journeyOf(unrecorded))).not.toContain('outcome.recorded');
  });

  it('shares nothing of a summary the new hire leaves unanswered for 3 business days, and tells HR', async () => {
    // Recorded Monday 1 March 16:00: the new hire had until closing time on Thursday 4 March.
    const journey = await journeyOf(silentManager);
    expect(journey.timeline.filter((event) => /^summary\./.test(event.type))).toEqual([
      expect.objectContaining({ type: 'summary.requested' }),
      expect.objectContaining({ type: 'summary.expired', round: 1, at: '2027-03-04T09:00:00.000Z' }),
      expect.objectContaining({ type: 'summary.shared', round: 1, consent: 'none' }),
    ]);
    const [, , , update, ...more] = await system.mailTo(silentManager.manager.email);
    expect(more).toHaveLength(0);
    expect(update?.subject).toBe('山田 花子さんの第1回人事面談を実施しました');
    expect(`${update?.text}${update?.html}`).not.toContain('UNANSWERED');
    const told = (await system.mailTo(silentManager.hr.email)).at(-1);
    expect(told?.subject).toBe('山田 花子さんの第1回面談のチーム共有メモは共有されませんでした');
    expect(told?.text).toContain('期限までに確認の回答がありませんでした');
    // The link now shows that the question has closed, and a late yes shares nothing.
    const late = await system.submitForm(await latestLinkTo(silentManager.employee.email), { share: 'yes' });
    expect(late.status).toBe(410);
    expect(eventTypes(await journeyOf(silentManager))).not.toContain('summary.confirmed');

    // The journey cancelled while its new hire had yet to answer: its deadline passed without a trace.
    const cancelled = await journeyOf(leaves);
    expect(cancelled.timeline.at(-1)?.type).toBe('journey.cancelled');
    for (const address of [leaves.manager.email, leaves.hr.email]) {
      for (const email of await system.mailTo(address))
        expect(email.text).not.toMatch(/CANCELLED|共有されませんでした/);
    }
  });

  it("briefs HR on an extra session raised by HR's alert; without consent the team hears nothing of it", async () => {
    const managerMailBefore = (await system.mailTo(keepsPrivate.manager.email)).length;
    const employeeMailBefore = (await system.mailTo(keepsPrivate.employee.email)).length;
    const hrMail = await system.mailTo(keepsPrivate.hr.email);
    const brief = hrMail.find((email) => email.subject.startsWith('追加のフォロー面談の準備資料'));
    expect(brief?.text).toContain('第1回の人事面談の記録で、コンディションが「要フォロー」とされました。');
    // HR's "what to check next time" reaches HR's brief; the private notes never reach any mail.
    expect(brief?.text).toContain('第1回の面談で記録した「次回確認すること」：CHECK-private: 通勤の負担');
    expect(brief?.text).toContain('人事面談の非公開メモは、このメールには含めていません');
    expect(`${brief?.text}${brief?.html}`).not.toContain('PRIVATE');
    // Its session (Thursday 4 March) is over by now: HR was asked for its outcome.
    const request = hrMail.findLast((email) =>
      email.subject.includes('追加のフォロー面談（第1回の期間中）の記録'),
    );
    const recorded = await system.submitForm(formLinkIn(request), {
      condition: 'alert',
      privateNotes: privateNote('private-extra', 1),
      consent: 'none',
      teamSummary: 'これは共有されない',
      followUp: '',
    });
    expect(recorded.status).toBe(200);

    // Without consent, the team is not even told of the extra session.
    expect(await system.mailTo(keepsPrivate.manager.email)).toHaveLength(managerMailBefore);
    const journey = await journeyOf(keepsPrivate);
    expect(journey.timeline.filter((event) => event.type === 'summary.shared' && event.followUp)).toEqual([
      expect.objectContaining({ round: 1, consent: 'none', to: [] }),
    ]);
    // An "alert" after the extra session tells HR again; no further session is proposed.
    expect(
      journey.timeline.filter((event) => event.type === 'alert.raised').map((event) => event.reason),
    ).toEqual(['condition-alert', 'follow-up-alert']);
    const again = (await system.mailTo(keepsPrivate.hr.email)).at(-1);
    expect(again?.subject).toMatch(/^【要フォロー】/);
    expect(again?.text).toContain('第1回の追加のフォロー面談の記録で');
    expect(`${again?.text}${again?.html}`).not.toContain('PRIVATE');
    expect(await system.mailTo(keepsPrivate.employee.email)).toHaveLength(employeeMailBefore);
    expect(JSON.stringify(journey)).not.toContain('PRIVATE');
  });

  it("sends a form link afresh on HR's request: the new link works, the old one records nothing", async () => {
    await system.advanceTo((plan[1] as Round).startsAt);
    const journeyId = ids[unrecorded.hireId] ?? '';
    // The manager's, not the mentor's: both are manager-prep forms, in no particular order.
    const prep = (await journeyOf(unrecorded)).forms.find(
      (form) =>
        form.kind === 'manager-prep' &&
        (form as { round?: number }).round === 2 &&
        (form as { recipient?: string }).recipient === 'manager',
    );
    const formId = prep?.formId ?? '';
    const oldLink = await latestLinkTo(unrecorded.manager.email);
    const reissue = (id: string) => system.postJson(`/journeys/${journeyId}/forms/${id}/reissue`, {});

    expect((await reissue(formId)).status).toBe(200);
    const newLink = await latestLinkTo(unrecorded.manager.email);
    expect(newLink).not.toBe(oldLink);
    const shown = await fetch(oldLink);
    expect(shown.status).toBe(410);
    expect(await shown.text()).toContain('このリンクは新しいリンクに置き換えられました');
    const answers = { progress: '順調', wellbeing: 'well', topics: '' };
    expect((await system.submitForm(oldLink, answers)).status).toBe(410);
    let journey = await journeyOf(unrecorded);
    expect(journey.forms.find((form) => form.formId === formId)?.status).toBe('open');
    expect(journey.timeline.filter((event) => event.type === 'form.reissued')).toEqual([
      { at: expect.any(String), type: 'form.reissued', formId },
    ]);

    expect((await system.submitForm(newLink, answers)).status).toBe(200);
    journey = await journeyOf(unrecorded);
    expect(journey.forms.find((form) => form.formId === formId)?.status).toBe('submitted');
    // Only an open form is sent again; an id the journey does not have is not found.
    expect((await reissue(formId)).status).toBe(409);
    expect((await reissue('f-0000000000000000')).status).toBe(404);
    // The new hire's topics form has no mail of its own to send again: its link is in the invitation.
    const topics = journey.forms.find(
      (form) => form.kind === 'session-topics' && (form as { round?: number }).round === 2,
    );
    const refused = await reissue(topics?.formId ?? '');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(/invitation/);
  });

  it('offers a three-party meeting only from the round HR chose, and completes after round 3', async () => {
    for (const round of plan.slice(1)) {
      await system.advanceTo(round.startsAt);
      for (const body of everyone) {
        for (const address of [body.manager.email, body.mentor?.email].filter(Boolean) as string[]) {
          await system.submitForm(await latestLinkTo(address), {
            progress: '順調',
            wellbeing: 'well',
            topics: '',
          });
        }
      }
      await system.advanceTo(sessionEnd(round));
      for (const body of everyone) {
        await system.submitForm(await latestLinkTo(body.hr.email), {
          // HR's alert after the last 1on1 proposes an extra session the journey's end does not cut short.
          condition: round.round === 2 ? 'watch' : body === alerts && round.round === 3 ? 'alert' : 'good',
          privateNotes: privateNote(body.hireId, round.round),
          consent: 'summary',
          teamSummary: teamSummary(round.round),
          followUp: '',
        });
        // This journey turned the new hire's confirmation off: the summary reached the team at once.
        if (body === unrecorded) {
          expect((await system.mailTo(body.manager.email)).at(-1)?.text).toContain(teamSummary(round.round));
          continue;
        }
        let link = await latestLinkTo(body.employee.email);
        if (body === shares && round.round === 2) {
          // HR has the confirmation sent afresh: the same request with a new link; the old one records nothing.
          const open = (await journeyOf(shares)).forms.find(
            (form) => form.kind === 'summary-confirmation' && form.status === 'open',
          );
          const reissued = await system.postJson(
            `/journeys/${ids[shares.hireId]}/forms/${open?.formId}/reissue`,
            {},
          );
          expect(reissued.status).toBe(200);
          const [first, again] = (await system.mailTo(body.employee.email)).slice(-2);
          expect(again?.subject).toBe(first?.subject);
          expect(formLinkIn(again)).not.toBe(link);
          expect((await system.submitForm(link, { share: 'yes' })).status).toBe(410);
          link = formLinkIn(again);
        }
        expect((await system.submitForm(link, { share: 'yes' })).status).toBe(200);
      }
    }

    const journey = (await journeyOf(shares)) as unknown as Awaited<ReturnType<typeof journeyOf>> & {
      rounds: Round[];
      conditionTrend: string[];
    };
    expect(journey.status).toBe('completed');
    expect(journey.conditionTrend).toEqual(['good', 'watch', 'good']);
    expect(journey.rounds.every((round) => round.status === 'done')).toBe(true);
    const invitations = journey.timeline.filter((event) => event.type === 'invitation.sent');
    expect(invitations.map((event) => event.threeParty)).toEqual([false, true, true]);
    expect(eventTypes(journey).slice(-2)).toEqual(['journey.summarized', 'journey.completed']);
    const summary = (await system.mailTo(shares.hr.email)).at(-1);
    expect(summary?.text).toMatch(/3/);

    // The round HR never recorded held up nothing: round 2 began on time and the summary says so.
    const unrecordedJourney = (await journeyOf(unrecorded)) as unknown as typeof journey;
    expect(unrecordedJourney.status).toBe('completed');
    expect(unrecordedJourney.rounds.map((round) => round.status)).toEqual(['not-recorded', 'done', 'done']);
    expect(
      unrecordedJourney.timeline.find((event) => event.type === 'round.started' && event.round === 2)?.at,
    ).toBe(new Date((plan[1] as Round).startsAt).toISOString());
    expect((await system.mailTo(unrecorded.hr.email)).at(-1)?.text).toMatch(/第1回[^\n]*記録なし/);

    // Round 1's "what to check next time" reached HR's round-2 brief, and only HR.
    const roundTwoBrief = (await system.mailTo(alerts.hr.email)).find((email) =>
      email.subject.startsWith('第2回フォローアップ面談の準備資料'),
    );
    expect(roundTwoBrief?.text).toContain('第1回の面談で記録した「次回確認すること」：来週もう一度話す');
    for (const body of everyone) {
      for (const address of [body.manager.email, body.mentor?.email].filter(Boolean) as string[]) {
        for (const email of await system.mailTo(address)) {
          expect(email.text).not.toContain('PRIVATE');
          expect(email.html).not.toContain('PRIVATE');
          expect(email.text).not.toContain('来週もう一度話す');
          // Nor what the new hire told HR before a session, nor what they asked HR to keep from the team.
          expect(`${email.text}${email.html}`).not.toMatch(/TOPICS-|KEEP-/);
        }
      }
    }
  });

  it('runs an extra session raised after the last 1on1 to its outcome, though the journey has completed', async () => {
    const view = async () =>
      (await journeyOf(alerts)) as unknown as Awaited<ReturnType<typeof journeyOf>> & {
        followUps: { round: number; sessionAt: string; reason: string; status: string }[];
      };
    const before = await view();
    expect(before.status).toBe('completed');
    const last = before.followUps.find((entry) => entry.round === 3);
    expect(last).toMatchObject({ reason: 'condition-alert', status: 'scheduled' });

    await system.advanceTo(new Date(Date.parse(last?.sessionAt ?? '') + 60 * 60 * 1000).toISOString());
    const teamMailBefore = (await system.mailTo(alerts.manager.email)).length;
    const recorded = await system.submitForm(await latestLinkTo(alerts.hr.email), {
      condition: 'good',
      privateNotes: privateNote('alerts-extra', 3),
      consent: 'summary',
      teamSummary: 'EXTRA-LAST: 落ち着いてきた',
      followUp: '',
    });
    expect(recorded.status).toBe(200);
    // The new hire keeps it to HR: the team hears nothing, not even that the extra session took place.
    const kept = await system.submitForm(await latestLinkTo(alerts.employee.email), { share: 'no' });
    expect(kept.status).toBe(200);
    expect(await kept.text()).toContain('この面談を実施したことも含めて何も伝わりません');
    expect(await mailSince(alerts.manager.email, teamMailBefore)).toHaveLength(0);
    expect((await system.mailTo(alerts.hr.email)).at(-1)?.subject).toBe(
      '山田 花子さんの追加のフォロー面談（第3回の期間中）のチーム共有メモは共有されませんでした',
    );
    const after = await view();
    expect(after.status).toBe('completed');
    expect(after.followUps.find((entry) => entry.round === 3)).toMatchObject({
      status: 'done',
      summaryConfirmation: 'declined',
    });
  });
});
