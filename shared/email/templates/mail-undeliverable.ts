import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface MailUndeliverableInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  journeyId: string;
  /** Who the mail was for, by role: `employee`, `manager`, `mentor`, `interviewer-<index>`. */
  role: string;
  /** That person's name as the journey has it. */
  personName: string;
  reason: 'bounce' | 'complaint';
}

const roleWords: Record<Locale, (role: string) => string> = {
  ja: (role) =>
    role === 'employee' ? '本人' : role === 'manager' ? '上司' : role === 'mentor' ? 'メンター' : '面接官',
  en: (role) =>
    role === 'employee'
      ? 'new hire'
      : role === 'manager'
        ? 'manager'
        : role === 'mentor'
          ? 'mentor'
          : 'interviewer',
};

/**
 * Mail to someone on a journey came back for good (the address does not exist) or they marked it as spam. SES
 * suppresses the address from then on and the journey goes on without their forms; HR hears at once so they can
 * reach the person another way and correct the address.
 */
export const renderMailUndeliverable = (input: MailUndeliverableInput): RenderedEmail => {
  const { locale, hrName, employeeName, journeyId, role, personName, reason } = input;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Mail to ${personName} could not be delivered (${employeeName}'s follow-up)`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text:
            reason === 'bounce'
              ? `Mail to ${personName} (${roleWords.en(role)}) in ${employeeName}'s follow-up came back: their mail server says the address does not exist.`
              : `${personName} (${roleWords.en(role)}) in ${employeeName}'s follow-up marked our mail as unwanted.`,
        },
        {
          kind: 'paragraph',
          text: 'Mail to this address will not reach them, so the journey goes on without waiting for their forms. Please reach them another way, and check the address you have for them.',
        },
        { kind: 'facts', rows: [{ label: 'Journey', value: journeyId }] },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `【要確認】${personName}さんへのメールが届きませんでした（${employeeName}さんのフォローアップ）`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text:
          reason === 'bounce'
            ? `${employeeName}さんのフォローアップで、${personName}さん（${roleWords.ja(role)}）へのメールが戻ってきました。宛先のメールサーバーによると、このアドレスは存在しません。`
            : `${employeeName}さんのフォローアップで、${personName}さん（${roleWords.ja(role)}）が当方のメールを迷惑メールとして報告しました。`,
      },
      {
        kind: 'paragraph',
        text: 'このアドレスにはメールが届かないため、この方のフォームを待たずにフォローアップを進めます。別の方法でご連絡いただき、登録されているアドレスをご確認ください。',
      },
      { kind: 'facts', rows: [{ label: 'ジャーニー', value: journeyId }] },
    ],
    signature: automatedSignature.ja,
  });
};
