import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface NeedsAttentionInput {
  locale: Locale;
  hrName: string;
  employeeName: string;
  journeyId: string;
}

/**
 * A step kept failing and the journey stopped where it was. HR hears about it at once, because the failure
 * mode this prevents is a new hire nobody follows up while everyone assumes the system does.
 */
export const renderNeedsAttention = (input: NeedsAttentionInput): RenderedEmail => {
  const { locale, hrName, employeeName, journeyId } = input;
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Action needed: ${employeeName}'s follow-up journey has stopped`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `A step of ${employeeName}'s follow-up journey kept failing after several retries, so the journey has stopped where it was. No further emails or reminders will go out for it until someone looks at it.`,
        },
        { kind: 'facts', rows: [{ label: 'Journey', value: journeyId }] },
        {
          kind: 'paragraph',
          text: 'Please check its timeline and, if a meeting or form is due soon, reach the people concerned directly.',
        },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `【要対応】${employeeName}さんのフォローアップが停止しています`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${employeeName}さんのフォローアップの処理が、再試行を重ねても失敗したため、その時点で停止しています。確認されるまで、このジャーニーのメールやリマインドは送られません。`,
      },
      { kind: 'facts', rows: [{ label: 'ジャーニー', value: journeyId }] },
      {
        kind: 'paragraph',
        text: 'タイムラインを確認し、近く面談やフォームの期限がある場合は、関係者へ直接ご連絡ください。',
      },
    ],
    signature: automatedSignature.ja,
  });
};
