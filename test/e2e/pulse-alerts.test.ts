import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import { formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';

// Two new hires start on Monday 1 February 2027. One's answers slide a step at a time, none of them alarming on
// its own; the other answers the first check with a storm.
const lead = { hrLeadEmail: 'naoko.takahashi@example.co.jp', hrLeadName: '高橋 直子' };
const sliding = scenarioHire('pulse-sliding', '2027-02-01', { onboarding: lead });
const stormy = scenarioHire('pulse-stormy', '2027-02-01', { onboarding: lead });
const COMMENT = 'SLIDE-COMMENT: 朝がつらい';
const PULSE_SUBJECT = /仕事の調子はいかがですか/;

let system: LocalSystem;
const ids: Record<string, string> = {};

const pulseMailTo = async (body: { employee: { email: string } }): Promise<LocalEmail[]> =>
  (await system.mailTo(body.employee.email)).filter(
    (email) => PULSE_SUBJECT.test(email.subject) && !email.subject.startsWith('【再送】'),
  );
const alerts = async (body: { hireId: string }) =>
  (await system.journey(ids[body.hireId] ?? '')).timeline.filter((event) => event.type === 'alert.raised');
const alertMail = async (body: { hr: { email: string } }) =>
  [...(await system.mailTo(body.hr.email)), ...(await system.mailTo(lead.hrLeadEmail))].filter((email) =>
    email.subject.startsWith('【要フォロー】'),
  );
const answerCheck = async (
  body: { employee: { email: string } },
  check: number,
  fields: Record<string, string>,
) => {
  const mail = (await pulseMailTo(body))[check - 1];
  return system.submitForm(formLinkIn(mail), fields);
};

beforeAll(async () => {
  system = await startLocalSystem();
  for (const body of [sliding, stormy]) ids[body.hireId] = await system.startJourney(body);
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('alerts from pulse checks', () => {
  it('raises one alert at once on a stormy answer, mailing the HR contact and lead without the comment', async () => {
    await system.advanceTo('2027-02-08T10:00:00+09:00');
    expect(await alerts(stormy)).toEqual([]);
    const sent = await answerCheck(stormy, 1, { answer: 'stormy', comment: 'STORM-COMMENT: 限界です' });
    expect(sent.status).toBe(200);
    expect(await alerts(stormy)).toEqual([
      expect.objectContaining({
        type: 'alert.raised',
        source: 'pulse',
        reason: 'pulse',
        cause: 'stormy',
        round: 1,
      }),
    ]);
    const mail = await alertMail(stormy);
    expect(mail).toHaveLength(2);
    expect(mail.some((email) => email.to.join().includes(lead.hrLeadEmail))).toBe(true);
    expect(mail.some((email) => email.to.join().includes(stormy.hr.email))).toBe(true);
    for (const email of mail) {
      expect(email.text).toContain('「大雨」と回答');
      expect(`${email.subject}${email.text}${email.html}`).not.toContain('STORM-COMMENT');
    }
    // The extra follow-up session is offered, as for any alert.
    const invitations = (await system.mailTo(stormy.employee.email)).filter((email) =>
      email.attachments.some((attachment) => attachment.filename?.endsWith('.ics')),
    );
    expect(invitations).toHaveLength(1);
    // The same check posted again is already answered and raises nothing more.
    expect((await answerCheck(stormy, 1, { answer: 'stormy' })).status).toBe(409);
    expect(await alerts(stormy)).toHaveLength(1);
  });

  it('raises nothing while a series slides a step at a time, then an alert on its third fall', async () => {
    expect((await answerCheck(sliding, 1, { answer: 'fair' })).status).toBe(200);
    await system.advanceTo('2027-02-15T10:00:00+09:00');
    expect((await answerCheck(sliding, 2, { answer: 'cloudy', comment: COMMENT })).status).toBe(200);
    expect(await alerts(sliding)).toEqual([]);

    // The month's check goes out a week before the 1on1 of 1 March, on Monday 22 February.
    await system.advanceTo('2027-02-22T10:00:00+09:00');
    expect(await pulseMailTo(sliding)).toHaveLength(3);
    expect((await answerCheck(sliding, 3, { answer: 'rainy' })).status).toBe(200);
    expect(await alerts(sliding)).toEqual([
      expect.objectContaining({ source: 'pulse', cause: 'falling', formId: expect.any(String) }),
    ]);
    const [contactMail] = (await alertMail(sliding)).filter((email) =>
      email.to.join().includes(sliding.hr.email),
    );
    expect(contactMail?.text).toContain('（晴れ → くもり → 雨）');
    expect(contactMail?.text).not.toContain('SLIDE-COMMENT');
    // The extra session it proposed has HR's brief of its own: why, and the answers with the person's words.
    const extraBrief = (await system.mailTo(sliding.hr.email)).find((email) =>
      email.subject.startsWith('追加のフォロー面談の準備資料'),
    );
    expect(extraBrief?.text).toContain(
      '本人のパルスチェックの回答から、個別のフォローが必要と判断されました',
    );
    expect(extraBrief?.text).toMatch(/2月15日：くもり　本人のコメント「SLIDE-COMMENT: 朝がつらい」/);
  });

  it("shows HR's brief the pulse series with the person's comments, and the team nothing of it", async () => {
    // Round 1's brief goes out at the prep deadline, Friday 26 February, with all three answers.
    await system.advanceTo('2027-02-26T18:00:00+09:00');
    const brief = (await system.mailTo(sliding.hr.email)).find((email) =>
      /ブリーフ|面談の準備/.test(email.subject),
    );
    expect(brief?.text).toContain('本人のパルスチェック（人事のみ');
    expect(brief?.text).toMatch(
      /2月8日：晴れ[\s\S]*2月15日：くもり　本人のコメント「SLIDE-COMMENT: 朝がつらい」/,
    );
    expect(brief?.text).toContain('推移：晴れ → くもり → 雨');
    for (const email of await system.mailTo(sliding.manager.email)) {
      expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/SLIDE-COMMENT|パルスチェック|くもり/);
    }
  });

  it('ends the journey with a summary for HR that includes the pulse trend', async () => {
    // The last 1on1 is on 6 May; nobody records it, so the round closes on 11 May and the journey completes.
    await system.advanceTo('2027-05-12T18:00:00+09:00');
    const summary = (await system.mailTo(sliding.hr.email)).find((email) =>
      email.subject.includes('入社後フォローアップが完了しました'),
    );
    expect(summary?.text).toMatch(/パルスチェック（本人の回答）：晴れ → くもり → 雨/);
    expect(summary?.text).not.toContain('SLIDE-COMMENT');
  });
});
