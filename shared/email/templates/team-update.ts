import type { Locale } from '#shared/domain/locale.ts';
import type { PrepRole } from '#shared/domain/session-brief.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';

export interface TeamUpdateInput {
  locale: Locale;
  recipientName: string;
  role: PrepRole;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  /** What the new hire agreed HR may share; absent without their consent. */
  teamSummary?: string;
  /**
   * The round's extra follow-up session, whose summary goes out only with consent: without it the team is not
   * told of the session at all, since an extra session hints at how they are.
   */
  followUp?: boolean;
}

const roleAsk: Record<Locale, Record<PrepRole, string>> = {
  ja: {
    manager: '日々の仕事の任せ方や声のかけ方で、チームとして支えられることがないか考えてください。',
    mentor: '気軽に相談できる相手として、どんな関わり方が支えになるか考えてください。',
  },
  en: {
    manager:
      'Please think about how the team can support them in the way work is handed out and followed up.',
    mentor: 'Please think about how you can help, as someone they can easily turn to.',
  },
};

/**
 * Tells the manager or mentor that HR's 1on1 took place. With the new hire's consent it carries the summary
 * they agreed on; without it, the fact of the session and nothing else, so no wording hints at what was said
 * or how they are. HR's private notes never reach this function.
 */
export const renderTeamUpdate = (input: TeamUpdateInput): RenderedEmail => {
  const { locale, recipientName, role, employeeName, round } = input;
  const summary = input.teamSummary?.trim() ?? '';
  if (locale === 'en') {
    if (summary === '') {
      return renderEmail({
        locale,
        subject: `Round ${round} of HR's 1on1 with ${employeeName} took place`,
        greeting: `Dear ${recipientName},`,
        blocks: [
          {
            kind: 'paragraph',
            text: `Round ${round} of HR's follow-up 1on1 with ${employeeName} took place.`,
          },
        ],
        signature: automatedSignature.en,
      });
    }
    return renderEmail({
      locale,
      subject: `Round ${round} of HR's 1on1 with ${employeeName}: what they agreed to share`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Round ${round} of HR's follow-up 1on1 with ${employeeName} took place. With their consent, here is what they agreed to share with the team.`,
        },
        { kind: 'quote', text: summary },
        { kind: 'paragraph', text: roleAsk.en[role] },
        {
          kind: 'paragraph',
          text: 'This is shared with their consent, for the team to support them. Please do not pass it on outside the team.',
        },
      ],
      signature: automatedSignature.en,
    });
  }
  if (summary === '') {
    return renderEmail({
      locale,
      subject: `${employeeName}さんの第${round}回人事面談を実施しました`,
      greeting: `${recipientName} さん`,
      blocks: [
        {
          kind: 'paragraph',
          text: `${employeeName}さんとの第${round}回フォローアップ面談（人事との1on1）を実施しました。`,
        },
      ],
      signature: automatedSignature.ja,
    });
  }
  return renderEmail({
    locale,
    subject: input.followUp
      ? `${employeeName}さんとの追加の人事面談（第${round}回）：本人の同意を得た共有事項`
      : `${employeeName}さんの第${round}回人事面談：本人の同意を得た共有事項`,
    greeting: `${recipientName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `お疲れさまです。${employeeName}さんとの${input.followUp ? `追加のフォロー面談（第${round}回の期間中、人事との1on1）` : `第${round}回フォローアップ面談（人事との1on1）`}を実施しました。本人の同意を得て、チームに共有してよいと確認した内容をお伝えします。`,
      },
      { kind: 'quote', text: summary },
      { kind: 'paragraph', text: roleAsk.ja[role] },
      {
        kind: 'paragraph',
        text: '本人の同意のもと、チームで支えるための共有です。チームの外には広めないようお願いします。',
      },
    ],
    signature: automatedSignature.ja,
  });
};
