import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDate } from '#shared/time/format.ts';

export type HandoffRole = 'manager' | 'mentor';

export interface HandoffInput {
  locale: Locale;
  recipientName: string;
  role: HandoffRole;
  candidateName: string;
  /** ISO date. */
  startDate: string;
  remainingConcerns: string;
}

const roleAsk: Record<Locale, Record<HandoffRole, string>> = {
  ja: {
    manager: '配属後の役割や最初に任せる仕事を、初日から具体的に伝えられるよう準備をお願いします。',
    mentor: '最初の数週間、気軽に相談できる相手として、本人が話しやすいよう声をかけてください。',
  },
  en: {
    manager: 'Please be ready to explain their role and first assignments concretely from day one.',
    mentor:
      'Please be someone they can easily turn to in their first weeks, and make it easy for them to talk.',
  },
};

/**
 * Tells the team the candidate accepted and which worries remain, so they can prepare. It carries only the
 * remaining concerns HR chose to pass on: HR's private notes never reach this function.
 */
export const renderHandoff = (input: HandoffInput): RenderedEmail => {
  const { locale, recipientName, role, candidateName } = input;
  const startDate = formatDate(input.startDate, locale);
  const concerns = input.remainingConcerns.trim();
  if (locale === 'en') {
    const concernBlocks: EmailBlock[] =
      concerns === ''
        ? [{ kind: 'paragraph', text: 'HR noted no remaining worries after the offer meeting.' }]
        : [
            { kind: 'quote', text: concerns },
            {
              kind: 'paragraph',
              text: 'Please think about what the team can do about each of them before the first day.',
            },
          ];
    return renderEmail({
      locale,
      subject: `${candidateName} has accepted the offer (starting ${startDate})`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `${candidateName} has accepted the offer and will start on ${startDate}. So that the team can prepare, here are the worries that remained after the offer meeting.`,
        },
        { kind: 'heading', text: 'Worries that remain' },
        ...concernBlocks,
        { kind: 'paragraph', text: roleAsk.en[role] },
        {
          kind: 'paragraph',
          text: 'This is shared so the team can prepare. Please do not pass it on outside the team, or tell the new hire where it came from. Their first follow-up after joining is a 1on1 with HR.',
        },
      ],
      signature: automatedSignature.en,
    });
  }
  const concernBlocks: EmailBlock[] =
    concerns === ''
      ? [{ kind: 'paragraph', text: 'オファー面談の後、特に残っている不安は記録されていません。' }]
      : [
          { kind: 'quote', text: concerns },
          {
            kind: 'paragraph',
            text: 'それぞれの不安に受け入れ側で応えられることがないか、入社日までに考えておいてください。',
          },
        ];
  return renderEmail({
    locale,
    subject: `${candidateName}さんが内定を承諾されました（${startDate}入社予定）`,
    greeting: `${recipientName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `お疲れさまです。${candidateName}さんが内定を承諾され、${startDate}に入社予定です。受け入れの準備に役立てていただけるよう、オファー面談の後もまだ残っている不安を共有します。`,
      },
      { kind: 'heading', text: '残っている不安' },
      ...concernBlocks,
      { kind: 'paragraph', text: roleAsk.ja[role] },
      {
        kind: 'paragraph',
        text: 'この内容は受け入れ準備のための共有です。チームの外には広めず、本人に出どころを伝えないようお願いします。入社後の最初のフォローアップ面談は、人事との1on1で行います。',
      },
    ],
    signature: automatedSignature.ja,
  });
};
