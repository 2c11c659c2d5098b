import type { Locale } from '#shared/domain/offer.ts';
import type { SessionBrief } from '#shared/domain/session-brief.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { briefBlocks } from '#shared/email/templates/meeting-brief.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface SessionBriefInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  /** ISO 8601 date-time. */
  sessionAt: string;
  zone: string;
  brief: SessionBrief;
}

/** HR's preparation for an onboarding 1on1, sent once the manager and mentor answered or their time ran out. */
export const renderSessionBrief = (input: SessionBriefInput): RenderedEmail => {
  const { locale, hrName, employeeName, round } = input;
  const sessionAt = formatDateTime(input.sessionAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Round ${round} 1on1 brief: ${employeeName} (${sessionAt})`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Here is the brief for round ${round} of your follow-up 1on1 with ${employeeName}. The session is there to support them, not to evaluate them: give them room to say what is hard to say to the team.`,
        },
        { kind: 'facts', rows: [{ label: 'Session', value: sessionAt }] },
        ...briefBlocks(input.brief),
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `第${round}回フォローアップ面談の準備資料：${employeeName}さん（${sessionAt}）`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${employeeName}さんとの第${round}回フォローアップ面談（1on1）の準備資料をお送りします。面談は評価の場ではなく、本人を支援するための対話の場です。チームでは話しにくいことも安心して話せるよう備えましょう。`,
      },
      { kind: 'facts', rows: [{ label: '日時', value: sessionAt }] },
      ...briefBlocks(input.brief),
    ],
    signature: automatedSignature.ja,
  });
};
