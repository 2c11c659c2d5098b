import { conditionLabels, conditions } from '#shared/domain/form-answers.ts';
import type { Locale } from '#shared/domain/offer.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface SessionOutcomeRequestInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  formUrl: string;
}

/** Asks HR to record how the 1on1 went, and what, if anything, the new hire agreed to share with the team. */
export const renderSessionOutcomeRequest = (input: SessionOutcomeRequestInput): RenderedEmail => {
  const { locale, hrName, employeeName, round, formUrl } = input;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `How did round ${round} of the 1on1 with ${employeeName} go?`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Thank you for round ${round} of the follow-up 1on1 with ${employeeName}. Please record how it went.`,
        },
        { kind: 'link', label: 'Record the session', url: formUrl },
        {
          kind: 'list',
          items: [
            `Condition: ${conditions.map((condition) => conditionLabels.en[condition].toLowerCase()).join(', ')}. "${conditionLabels.en.alert}" tells the HR lead and proposes an extra follow-up session.`,
            'Private notes: for HR only, never shared with anyone.',
            'Consent: whether they agreed to share anything with the team. Without consent, the manager and mentor learn only that the session took place.',
            'Team summary: with their consent, the manager and mentor receive exactly this text.',
            'Follow-up: what HR will do next; it stays in the HR record.',
          ],
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `${employeeName}さんの第${round}回フォローアップ面談の記録をお願いします`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${employeeName}さんとの第${round}回フォローアップ面談（1on1）、お疲れさまでした。面談の内容を記録してください。`,
      },
      { kind: 'link', label: '面談を記録する', url: formUrl },
      {
        kind: 'list',
        items: [
          `コンディション：${conditions.map((condition) => conditionLabels.ja[condition]).join('・')}。「${conditionLabels.ja.alert}」の場合は人事責任者に連絡が入り、追加のフォロー面談を提案します。`,
          '人事メモ：人事だけが見るメモです。誰にも共有されません。',
          '本人の同意：チームへの共有に同意したかどうか。同意がない場合、上司・メンターには面談を実施したことだけが伝わります。',
          'チームへの共有メモ：本人の同意がある場合に限り、この文面がそのまま上司・メンターに届きます。',
          '今後のフォロー：次回までに人事が行うこと。人事の記録として残ります。',
        ],
      },
    ],
    signature: automatedSignature.ja,
  });
};
