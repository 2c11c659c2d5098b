import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import {
  eventTypes,
  faultControls,
  formLinkIn,
  type LocalSystem,
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
const shares = hire('shares', { onboarding: { threePartyFromRound: 2 } });
const keepsPrivate = hire('private');
const alerts = hire('alerts', {
  onboarding: { hrLeadEmail: 'hr-lead+alerts@example.co.jp', hrLeadName: '高橋 直子' },
});
const silentManager = hire('silent', { mentor: undefined });
// HR never records round 1: its HR lead is named by no name.
const unrecorded = hire('unrecorded', { onboarding: { hrLeadEmail: 'hr-lead+unrecorded@example.co.jp' } });
const everyone = [shares, keepsPrivate, alerts, silentManager, unrecorded];

const privateNote = (tag: string, round: number) => `PRIVATE-${tag}-r${round}: 体調の話は本人限り`;
const teamSummary = (round: number) => `第${round}回: チームの雰囲気にも慣れてきた`;
// What the new hire tells HR before the 1on1: the markers must never reach the manager or mentor.
const topicsOf = (tag: string) => ({
  topics: `TOPICS-${tag}: 通勤が少しつらい`,
  keepFromTeam: `KEEP-${tag}: 体調のことはチームに言わないでほしい`,
});

let system: LocalSystem;
const ids: Record<string, string> = {};
type Round = { round: number; startsAt: string; sessionAt: string; status: string; condition?: string };
let plan: Round[] = [];

const latestLinkTo = async (address: string): Promise<string> => {
  const withLink = (await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text));
  return formLinkIn(withLink.at(-1));
};
const mailSince = async (address: string, count: number): Promise<LocalEmail[]> =>
  (await system.mailTo(address)).slice(count);
const sessionEnd = (round: Round) => new Date(Date.parse(round.sessionAt) + 60 * 60 * 1000).toISOString();

beforeAll(async () => {
  system = await startLocalSystem({ faults: true });
  for (const body of everyone) {
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
    expect(ics).toMatch(new RegExp(`UID:${ids[shares.hireId]}\\.session-r1@`));
    expect(ics).toMatch(/SEQUENCE:0/);
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
    expect(eventTypes(journey)).not.toContain('brief.sent');
    const raised = journey.timeline.filter((event) => event.type === 'alert.raised');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ round: 1, reason: 'manager-worried' });
    // The HR lead, by their own name; the HR contact, in whose name the extra session went out, by theirs.
    const [leadMail, ...moreLeadMail] = await system.mailTo('hr-lead+alerts@');
    expect(moreLeadMail).toHaveLength(0);
    expect(leadMail?.text).toMatch(/^高橋 直子 さん/);
    expect(leadMail?.text).toContain('佐藤 綾 さんの名前で');
    const [hrMail, ...moreHrMail] = await mailSince(alerts.hr.email, hrMailBefore);
    expect(moreHrMail).toHaveLength(0);
    expect(hrMail?.subject).toMatch(/^【要フォロー】/);
    expect(hrMail?.text).toMatch(/^佐藤 綾 さん[\s\S]*あなたの名前で/);
    // Round 1, before any 1on1: the extra session does not speak of a last conversation, nor call an hour short.
    const [followUp, ...moreFollowUps] = await mailSince(alerts.employee.email, employeeMailBefore);
    expect(moreFollowUps).toHaveLength(0);
    expect(followUp?.attachments[0]?.content).toMatch(/UID:.*follow-up-r1@/);
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

    await system.submitForm(await latestLinkTo(shares.hr.email), {
      condition: 'good',
      privateNotes: privateNote('shares', 1),
      consent: 'summary',
      teamSummary: teamSummary(1),
      followUp: '',
    });
    await system.submitForm(await latestLinkTo(keepsPrivate.hr.email), {
      condition: 'watch',
      privateNotes: privateNote('private', 1),
      consent: 'none',
      teamSummary: 'これは共有されない',
      followUp: '',
    });

    for (const address of [shares.manager.email, shares.mentor?.email ?? '']) {
      const update = (await system.mailTo(address)).at(-1);
      expect(update?.text).toContain(teamSummary(1));
      expect(update?.text).not.toContain('PRIVATE');
      expect(update?.html).not.toContain('PRIVATE');
    }
    const [update] = await mailSince(keepsPrivate.manager.email, managerMailBefore);
    expect(update?.text).not.toContain('これは共有されない');
    expect(update?.text).not.toContain('PRIVATE');
    const journey = await journeyOf(keepsPrivate);
    expect(journey.timeline.find((event) => event.type === 'summary.shared')).toMatchObject({
      consent: 'none',
    });
    expect(JSON.stringify(journey)).not.toContain('PRIVATE');
  });

  it('raises an alert on an "alert" outcome', async () => {
    await system.submitForm(await latestLinkTo(alerts.hr.email), {
      condition: 'alert',
      privateNotes: privateNote('alerts', 1),
      consent: 'none',
      teamSummary: '',
      followUp: '来週もう一度話す',
    });
    await system.submitForm(await latestLinkTo(silentManager.hr.email), {
      condition: 'good',
      privateNotes: '',
      consent: 'none',
      teamSummary: '',
      followUp: '',
    });
    const journey = await journeyOf(alerts);
    const raised = journey.timeline.filter((event) => event.type === 'alert.raised');
    expect(raised.map((event) => event.reason)).toEqual([
      'manager-worried',
      'mentor-worried',
      'condition-alert',
    ]);
    const leadMail = await system.mailTo('hr-lead+alerts@');
    expect(leadMail).toHaveLength(3);
    expect(leadMail.map((email) => email.text).join()).not.toContain('PRIVATE');
    // Three alerts in round 1, one extra session.
    const extraSessions = (await system.mailTo(alerts.employee.email)).filter((email) =>
      email.attachments.some((attachment) => /UID:.*follow-up-r/.test(attachment.content ?? '')),
    );
    expect(extraSessions).toHaveLength(1);
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

  it("sends a form link afresh on HR's request: the new link works, the old one records nothing", async () => {
    await system.advanceTo((plan[1] as Round).startsAt);
    const journeyId = ids[unrecorded.hireId] ?? '';
    const prep = (await journeyOf(unrecorded)).forms.find(
      (form) => form.kind === 'manager-prep' && (form as { round?: number }).round === 2,
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
          condition: round.round === 2 ? 'watch' : 'good',
          privateNotes: privateNote(body.hireId, round.round),
          consent: 'summary',
          teamSummary: teamSummary(round.round),
          followUp: '',
        });
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
});
