import type { Locale } from '#shared/domain/locale.ts';
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
  /** The round's extra follow-up session, raised by an alert, rather than the round's own 1on1. */
  followUp?: boolean;
}

/**
 * HR's preparation for an onboarding 1on1, sent once the manager and mentor answered or their time ran out; for
 * an extra follow-up session, as soon as the alert proposed it.
 */
export const renderSessionBrief = (input: SessionBriefInput): RenderedEmail => {
  const { locale, hrName, employeeName, round, followUp } = input;
  const sessionAt = formatDateTime(input.sessionAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: followUp
        ? `Extra follow-up 1on1 brief: ${employeeName} (round ${round}, ${sessionAt})`
        : `Round ${round} 1on1 brief: ${employeeName} (${sessionAt})`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: followUp
            ? `Here is the brief for the extra follow-up 1on1 with ${employeeName}, proposed in round ${round} after a sign that they need individual follow-up. The session is there to support them, not to evaluate them: listen first, and agree on a next step with them.`
            : `Here is the brief for round ${round} of your follow-up 1on1 with ${employeeName}. The session is there to support them, not to evaluate them: give them room to say what is hard to say to the team.`,
        },
        { kind: 'facts', rows: [{ label: 'Session', value: sessionAt }] },
        ...briefBlocks(input.brief),
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: followUp
      ? `追加のフォロー面談の準備資料：${employeeName}さん（第${round}回の期間中、${sessionAt}）`
      : `第${round}回フォローアップ面談の準備資料：${employeeName}さん（${sessionAt}）`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: followUp
          ? `${employeeName}さんとの追加のフォロー面談（1on1）の準備資料をお送りします。第${round}回の期間中に、個別のフォローが必要なサインがあったため提案したものです。面談は評価の場ではなく、本人を支援するための対話の場です。まずは話を聞き、次の一歩を本人と一緒に決めましょう。`
          : `${employeeName}さんとの第${round}回フォローアップ面談（1on1）の準備資料をお送りします。面談は評価の場ではなく、本人を支援するための対話の場です。チームでは話しにくいことも安心して話せるよう備えましょう。`,
      },
      { kind: 'facts', rows: [{ label: '日時', value: sessionAt }] },
      ...briefBlocks(input.brief),
    ],
    signature: automatedSignature.ja,
  });
};
