import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import { weathers } from '#shared/domain/pulse.ts';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

// Four new hires start on Monday 1 February 2027; each check of theirs goes out on the default cadence.
const mentor = (tag: string) => ({ name: '田中 美咲', email: `misaki.tanaka+${tag}@example.co.jp` });
const answers = scenarioHire('pulse-answers', '2027-02-01', { mentor: mentor('pulse-answers') });
const off = scenarioHire('pulse-off', '2027-02-01', { onboarding: { pulse: false } });
const moved = scenarioHire('pulse-moved', '2027-02-01');
const cancelled = scenarioHire('pulse-cancelled', '2027-02-01');
const erased = scenarioHire('pulse-erased', '2027-02-01');
// Posted on 24 November 2026, three weeks after starting: the checks of 9 and 16 November have passed.
const late = scenarioHire('pulse-late', '2026-11-02');

const COMMENT = 'PULSE-COMMENT: 最近よく眠れない';
const TOPICS = 'TOPICS-PULSE: 通勤がつらい';
const PULSE_SUBJECT = /仕事の調子はいかがですか/;

let system: LocalSystem;
const ids: Record<string, string> = {};

type PulseView = { pulse: { at: string; answer: string; workload?: string; relationships?: string }[] };
const journeyOf = async (body: { hireId: string }) => system.journey(ids[body.hireId] ?? '');
const pulseMailTo = async (body: { employee: { email: string } }): Promise<LocalEmail[]> =>
  (await system.mailTo(body.employee.email)).filter((email) => PULSE_SUBJECT.test(email.subject));
const answerLinks = (email: LocalEmail | undefined) =>
  [...(email?.text ?? '').matchAll(/https?:\/\/\S+\/forms\/[A-Za-z0-9_.-]+\?answer=[a-z]+/g)].map(
    (match) => match[0],
  );
const pulseForms = async (body: { hireId: string }) =>
  (await journeyOf(body)).forms.filter((form) => form.kind === 'pulse');

beforeAll(async () => {
  system = await startLocalSystem();
  for (const body of [answers, off, moved, cancelled, late, erased])
    ids[body.hireId] = await system.startJourney(body);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('pulse checks', () => {
  it('gives a hire posted after their start date only the checks still ahead, numbered as planned', async () => {
    await system.advanceTo('2026-12-02T10:00:00+09:00');
    const [first] = await pulseMailTo(late);
    // Its month is up on 2 December: the check goes out a week before, as that month's 1on1 is prepared.
    expect(first?.at).toBe('2026-11-25T01:00:00.000Z');
    const requested = (await journeyOf(late)).timeline.filter((event) => event.type === 'pulse.requested');
    expect(requested.map((event) => event.check)).toEqual([3]);
  });

  it('follows a moved start date, and a cancelled journey gets none', async () => {
    await system.advanceTo('2027-02-01T09:30:00+09:00');
    expect((await journeyOf(moved)).status).toBe('onboarding');
    const patched = await system.api(`/journeys/${ids[moved.hireId]}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startDate: '2027-02-08' }),
    });
    expect(patched.status).toBe(200);
    const cancel = await system.postJson(`/journeys/${ids[cancelled.hireId]}/cancel`, { reason: 'resigned' });
    expect(cancel.status).toBe(200);
  });

  it('mails the first check a week after the start date, each answer a link of its own', async () => {
    await system.advanceTo('2027-02-08T10:00:00+09:00');
    const [mail] = await pulseMailTo(answers);
    expect(mail?.at).toBe('2027-02-08T01:00:00.000Z');
    expect(mail?.text).toContain('最近、仕事の調子はいかがですか？');
    expect(mail?.text).toContain('回答は人事だけが読みます。上司やメンター、チームの誰にも見せることはなく');
    expect(mail?.text).not.toMatch(/評価します|査定/);
    expect(answerLinks(mail).map((link) => link.split('=').at(-1))).toEqual([...weathers]);
    for (const label of ['快晴', '晴れ', 'くもり', '雨', '大雨'])
      expect(mail?.html).toContain(`>${label}</a>`);

    const journey = await journeyOf(answers);
    const requested = journey.timeline.filter((event) => event.type === 'pulse.requested');
    expect(requested).toEqual([
      { at: expect.any(String), type: 'pulse.requested', formId: expect.any(String), check: 1 },
    ]);
    // Turned off, moved to a week later, or cancelled: nothing yet.
    expect(await pulseMailTo(off)).toEqual([]);
    expect(await pulseMailTo(moved)).toEqual([]);
    expect(await pulseMailTo(cancelled)).toEqual([]);
  });

  it('leaves nothing of an erased journey, its pending checks included, and mails it no more', async () => {
    expect(await pulseMailTo(erased)).toHaveLength(1);
    const journeyId = ids[erased.hireId] ?? '';
    expect((await system.api(`/journeys/${journeyId}`, { method: 'DELETE' })).status).toBe(200);
    await system.runtime.idle();
    const left = (await tableSnapshot()).filter((item) => item.includes(`JOURNEY#${journeyId}`));
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('{"S":"ERASED"}');
  });

  it('records nothing when a mail scanner opens every answer link', async () => {
    const [mail] = await pulseMailTo(answers);
    expect(answerLinks(mail)).toHaveLength(5);
    const before = await tableSnapshot();
    for (const link of answerLinks(mail)) {
      const response = await fetch(link);
      expect(response.status).toBe(200);
      const page = await response.text();
      const chosen = link.split('=').at(-1);
      expect(page).toContain(`value="${chosen}" required checked`);
      expect(page.match(/ checked/g)).toHaveLength(1);
    }
    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before);
    expect(
      ((await system.api(`/journeys/${ids[answers.hireId]}`).then((r) => r.json())) as PulseView).pulse,
    ).toEqual([]);
  });

  it('records a sent answer once, shows the chart and a note, and keeps the comment from the journey view', async () => {
    const link = formLinkIn((await pulseMailTo(answers))[0]);
    const fields = { answer: 'rainy', workload: 'stormy', relationships: '', comment: COMMENT };
    const before = await tableSnapshot();
    const refused = await system.submitForm(link, { answer: 'hail', workload: 'stormy', comment: COMMENT });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('選択肢の中から選んでください。');
    expect(await tableSnapshot()).toEqual(before);

    const sent = await system.submitForm(link, fields);
    expect(sent.status).toBe(200);
    const page = await sent.text();
    expect(page).toContain('<svg class="pulse-chart"');
    expect(page).toContain('これまでの回答：2/8 雨');
    expect(page).toContain('一人で抱え込まず');
    expect(page).toContain(`人事の${answers.hr.name}（${answers.hr.email}）`);

    const again = await system.submitForm(link, { ...fields, answer: 'sunny' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('回答済み');

    const response = await system.api(`/journeys/${ids[answers.hireId]}`);
    const raw = await response.text();
    expect((JSON.parse(raw) as PulseView).pulse).toEqual([
      { at: '2027-02-08T01:00:00.000Z', answer: 'rainy', workload: 'stormy' },
    ]);
    expect(raw).not.toContain('PULSE-COMMENT');
    const journey = await journeyOf(answers);
    expect(journey.timeline.filter((event) => event.type === 'pulse.answered')).toEqual([
      { at: expect.any(String), type: 'pulse.answered', formId: expect.any(String), check: 1 },
    ]);
  });

  it("answers the second check's mail, not the first: one check's link never records on another", async () => {
    await system.advanceTo('2027-02-15T10:00:00+09:00');
    const mails = await pulseMailTo(answers);
    expect(mails).toHaveLength(2);
    const firstLink = formLinkIn(mails[0]);
    const secondLink = formLinkIn(mails[1]);
    expect(secondLink).not.toBe(firstLink);
    expect((await system.submitForm(firstLink, { answer: 'sunny' })).status).toBe(409);
    const forms = await pulseForms(answers);
    expect(forms.map((form) => form.status)).toEqual(expect.arrayContaining(['submitted', 'open']));
    expect(forms).toHaveLength(2);

    // The moved start date: its first check went out a week later than planned.
    const [movedMail] = await pulseMailTo(moved);
    expect(movedMail?.at).toBe('2027-02-15T01:00:00.000Z');
    expect(await pulseMailTo(off)).toEqual([]);
    expect(await pulseMailTo(erased)).toHaveLength(1);
  });

  it('sends an open check afresh on HR request: the old link is replaced', async () => {
    const [, secondMail] = await pulseMailTo(answers);
    const open = (await pulseForms(answers)).find((form) => form.status === 'open');
    const reissued = await system.postJson(
      `/journeys/${ids[answers.hireId]}/forms/${open?.formId}/reissue`,
      {},
    );
    expect(reissued.status).toBe(200);
    await system.runtime.idle();
    const mails = await pulseMailTo(answers);
    expect(mails).toHaveLength(3);
    expect((await fetch(formLinkIn(secondMail))).status).toBe(410);
    expect(answerLinks(mails[2])).toHaveLength(5);
    expect((await fetch(answerLinks(mails[2])[2] ?? '')).status).toBe(200);
  });

  it('reminds once after three business days, then closes the check', async () => {
    await system.advanceTo('2027-02-18T10:00:00+09:00');
    const reminders = (await pulseMailTo(answers)).filter((email) => email.subject.startsWith('【再送】'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.at).toBe('2027-02-18T01:00:00.000Z');

    await system.advanceTo('2027-02-22T18:00:00+09:00');
    const journey = await journeyOf(answers);
    expect(journey.timeline.filter((event) => event.type === 'pulse.reminded')).toHaveLength(1);
    expect(journey.timeline.filter((event) => event.type === 'pulse.expired')).toEqual([
      { at: expect.any(String), type: 'pulse.expired', formId: expect.any(String), check: 2 },
    ]);
    // The reminder's link is the second check's: it closed as the third went out, on Monday 22 February.
    const latest = reminders[0];
    const closed = await fetch(formLinkIn(latest));
    expect(closed.status).toBe(410);
    expect((await system.submitForm(formLinkIn(latest), { answer: 'fair' })).status).toBe(410);
    expect((await pulseMailTo(answers)).filter((email) => email.subject.startsWith('【再送】'))).toHaveLength(
      1,
    );
  });

  it("never shows the team a pulse answer, its comment or the new hire's topics", async () => {
    // Round 1 began on 19 February: the new hire's invitation links the topics form, the team got prep forms.
    const invitation = (await system.mailTo(answers.employee.email)).find((email) =>
      email.attachments.some((attachment) => attachment.filename?.endsWith('.ics')),
    );
    expect((await system.submitForm(formLinkIn(invitation), { topics: TOPICS })).status).toBe(200);
    await system.advanceTo('2027-02-26T18:00:00+09:00');

    const team = [answers.manager.email, mentor('pulse-answers').email];
    const teamMail = (await Promise.all(team.map((address) => system.mailTo(address)))).flat();
    expect(teamMail.length).toBeGreaterThan(2);
    const prepPages = await Promise.all(
      teamMail
        .filter((email) => /\/forms\//.test(email.text))
        .map(async (email) => (await fetch(formLinkIn(email))).text()),
    );
    for (const text of [
      ...teamMail.flatMap((email) => [email.subject, email.text, email.html]),
      ...prepPages,
    ]) {
      expect(text).not.toContain('PULSE-COMMENT');
      expect(text).not.toContain('TOPICS-PULSE');
      expect(text).not.toMatch(/雨|大雨|rainy|stormy|仕事の調子/);
    }

    expect(eventTypes(await journeyOf(cancelled))).not.toContain('pulse.requested');
    expect(await pulseMailTo(cancelled)).toEqual([]);
    expect(await pulseMailTo(off)).toEqual([]);
  });
});
