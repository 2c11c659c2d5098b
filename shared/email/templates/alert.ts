import { conditionLabels, wellbeingLabels } from '#shared/domain/form-answers.ts';
import type { Locale } from '#shared/domain/offer.ts';
import { automatedSignature, type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export type AlertReason = 'manager-worried' | 'condition-alert';

export interface AlertInput {
  locale: Locale;
  /** The HR lead. */
  recipientName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  reason: AlertReason;
  /** The proposed extra session, ISO 8601 date-time. */
  followUpAt: string;
  zone: string;
  /** Where the journey's timeline can be read, when the deployment has such a page. */
  journeyUrl?: string;
}

const reasons: Record<Locale, Record<AlertReason, (round: number) => string>> = {
  ja: {
    'manager-worried': (round) =>
      `第${round}回の面談前のヒアリングで、上司が本人の様子を「${wellbeingLabels.ja.worried}」と回答しました。`,
    'condition-alert': (round) =>
      `第${round}回の人事面談の記録で、コンディションが「${conditionLabels.ja.alert}」とされました。`,
  },
  en: {
    'manager-worried': (round) =>
      `Before the round ${round} session, the manager answered "${wellbeingLabels.en.worried}" about how they seem.`,
    'condition-alert': (round) =>
      `HR recorded the condition after the round ${round} session as "${conditionLabels.en.alert}".`,
  },
};

/**
 * Tells the HR lead that a new hire needs individual follow-up and when the extra session is proposed. It
 * says why in one line and no more: it has no access to HR's private notes, so it can never quote them.
 */
export const renderAlert = (input: AlertInput): RenderedEmail => {
  const { locale, recipientName, employeeName, round, reason, journeyUrl } = input;
  const followUpAt = formatDateTime(input.followUpAt, input.zone, locale);
  if (locale === 'en') {
    const link: EmailBlock[] = journeyUrl
      ? [{ kind: 'link', label: 'Open the journey', url: journeyUrl }]
      : [];
    return renderEmail({
      locale,
      subject: `Follow-up needed: ${employeeName} (round ${round})`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `There is a sign that ${employeeName} needs individual follow-up during their first months.`,
        },
        {
          kind: 'facts',
          rows: [
            { label: 'Why', value: reasons.en[reason](round) },
            { label: 'Proposed follow-up session', value: followUpAt },
          ],
        },
        {
          kind: 'paragraph',
          text: 'An extra short 1on1 is proposed to them at this time. Please agree with the HR member in charge who follows up, and move it if needed. Keep it a conversation to support them, never an evaluation.',
        },
        {
          kind: 'paragraph',
          text: "HR's private session notes are not part of this email. For details, talk with the HR member in charge directly.",
        },
        ...link,
      ],
      signature: automatedSignature.en,
    });
  }
  const link: EmailBlock[] = journeyUrl ? [{ kind: 'link', label: '経過を確認する', url: journeyUrl }] : [];
  return renderEmail({
    locale,
    subject: `【要フォロー】${employeeName}さん（第${round}回）の個別フォローをお願いします`,
    greeting: `${recipientName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${employeeName}さんの入社後フォローアップで、個別のフォローが必要なサインがありました。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '理由', value: reasons.ja[reason](round) },
          { label: '追加のフォロー面談（提案日時）', value: followUpAt },
        ],
      },
      {
        kind: 'paragraph',
        text: 'この日時で、本人に短い追加の1on1を提案しています。担当の人事と誰がフォローするかを確認し、必要に応じて日程を調整してください。評価ではなく、支援のための対話として行ってください。',
      },
      {
        kind: 'paragraph',
        text: '人事面談の非公開メモは、このメールには含まれていません。詳しくは担当の人事と直接お話しください。',
      },
      ...link,
    ],
    signature: automatedSignature.ja,
  });
};
