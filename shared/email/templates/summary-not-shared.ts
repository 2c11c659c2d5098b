import type { Locale } from '#shared/domain/locale.ts';
import type { WithheldReason } from '#shared/domain/summary-sharing.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface SummaryNotSharedInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  reason: WithheldReason;
  /** After the round's extra follow-up session, of which the team was not told at all. */
  followUp?: boolean;
}

/**
 * Tells the HR contact that the team summary they recorded with consent was not shared, and why: the new hire
 * chose not to share it, or did not answer in time. Neither is a problem to chase, so the mail suggests a light
 * check-in, never pressing for a yes.
 */
export const renderSummaryNotShared = (input: SummaryNotSharedInput): RenderedEmail => {
  const { locale, hrName, employeeName, round, reason, followUp } = input;
  const session = {
    en: followUp ? `the extra follow-up 1on1 of round ${round}` : `round ${round} of the follow-up 1on1`,
    ja: followUp ? `第${round}回の期間中の追加のフォロー面談` : `第${round}回フォローアップ面談`,
  };
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: followUp
        ? `Extra session team summary for ${employeeName} (round ${round}) was not shared`
        : `Round ${round} team summary for ${employeeName} was not shared`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text:
            reason === 'declined'
              ? `${employeeName} chose not to share the team summary you recorded after ${session.en}.`
              : `${employeeName} did not confirm the team summary you recorded after ${session.en} by the deadline.`,
        },
        {
          kind: 'list',
          items: [
            followUp
              ? 'The summary was not sent to anyone. The manager and mentor were not told of this session.'
              : 'The summary was not sent to anyone. The manager and mentor learned only that the session took place.',
            reason === 'declined'
              ? 'Their choice is respected as it is. If it feels right, you could ask them lightly whether something in the wording did not sit well, or whether there is anything they would rather talk about.'
              : 'Silence is not a problem in itself. If it feels right, you could check in lightly at a convenient moment.',
          ],
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: followUp
      ? `${employeeName}さんの追加のフォロー面談（第${round}回の期間中）のチーム共有メモは共有されませんでした`
      : `${employeeName}さんの第${round}回面談のチーム共有メモは共有されませんでした`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text:
          reason === 'declined'
            ? `${employeeName}さんは、${session.ja}の後に記録いただいたチームへの共有メモを「共有しない」と選びました。`
            : `${employeeName}さんから、${session.ja}の後に記録いただいたチームへの共有メモについて、期限までに確認の回答がありませんでした。`,
      },
      {
        kind: 'list',
        items: [
          followUp
            ? '共有メモは誰にも送っていません。上司・メンターには、この面談のことを伝えていません。'
            : '共有メモは誰にも送っていません。上司・メンターには、面談を実施したことだけを伝えました。',
          reason === 'declined'
            ? 'ご本人の選択はそのまま尊重してください。必要に応じて、文面に気になる点がなかったか、話しておきたいことがないかを、負担にならない形で声をかけてみてください。'
            : '回答がないこと自体は問題ではありません。必要に応じて、都合のよいときに軽く声をかけてみてください。',
        ],
      },
    ],
    signature: automatedSignature.ja,
  });
};
