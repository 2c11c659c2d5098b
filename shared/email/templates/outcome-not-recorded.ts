import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface OutcomeNotRecordedInput {
  locale: Locale;
  /** Left out for a lead whose name is not known: the mail then greets the role. */
  recipientName?: string;
  /** The HR contact, who held the 1on1. */
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  /** The round's extra follow-up session rather than the round's own 1on1. */
  followUp?: boolean;
}

/**
 * Tells the HR lead that a 1on1's outcome was not recorded by its deadline: the round closed without it and the
 * journey went on, so the lead can check in with the HR contact while the conversation is still fresh.
 */
export const renderOutcomeNotRecorded = (input: OutcomeNotRecordedInput): RenderedEmail => {
  const { locale, recipientName, hrName, employeeName, round, followUp } = input;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: followUp
        ? `The extra follow-up 1on1 with ${employeeName} (round ${round}) was not recorded`
        : `Round ${round} of ${employeeName}'s follow-up 1on1 was not recorded`,
      greeting: `Dear ${recipientName ?? 'HR lead'},`,
      blocks: [
        {
          kind: 'paragraph',
          text: followUp
            ? `${hrName} did not record the outcome of the extra follow-up 1on1 with ${employeeName}, proposed in round ${round}, by its deadline, so it was closed as not recorded.`
            : `${hrName} did not record the outcome of round ${round} of the follow-up 1on1 with ${employeeName} by its deadline, so the round was closed as not recorded.`,
        },
        {
          kind: 'list',
          items: [
            'The manager and mentor were not sent anything about this session.',
            followUp ? 'The monthly rounds go on as planned.' : 'The next round goes ahead as planned.',
            `Please check in with ${hrName}: if something came up in the session that needs support, it can still be followed up directly.`,
          ],
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: followUp
      ? `${employeeName}さんとの追加のフォロー面談（第${round}回の期間中）の記録がありませんでした`
      : `${employeeName}さんの第${round}回フォローアップ面談の記録がありませんでした`,
    greeting: recipientName ? `${recipientName} さん` : '人事責任者様',
    blocks: [
      {
        kind: 'paragraph',
        text: followUp
          ? `${employeeName}さんとの追加のフォロー面談（第${round}回の期間中に提案した1on1）について、期限までに${hrName} さんからの記録が届かなかったため、「記録なし」として締め切りました。`
          : `${employeeName}さんの第${round}回フォローアップ面談（1on1）について、期限までに${hrName} さんからの記録が届かなかったため、この回は「記録なし」として締め切りました。`,
      },
      {
        kind: 'list',
        items: [
          'この面談について、上司・メンターには何も送っていません。',
          followUp ? '月ごとの面談は予定どおり進みます。' : '次の回は予定どおり進みます。',
          `${hrName} さんに状況を確認してください。面談で支援が必要なことがあれば、直接フォローしていただけます。`,
        ],
      },
    ],
    signature: automatedSignature.ja,
  });
};
