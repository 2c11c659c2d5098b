import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface TeamSessionReminderInput {
  locale: Locale;
  managerName: string;
  employeeName: string;
  /** 1 is the first round. */
  round: number;
  /** HR's 1on1 this round, ISO 8601 date-time: the team session is held apart from it. */
  sessionAt: string;
  zone: string;
}

/**
 * Reminds the manager to hold this month's team session. It is a track of its own: work and skills belong
 * there, so HR's 1on1 can stay with adaptation and the things that are hard to say to the team.
 */
export const renderTeamSessionReminder = (input: TeamSessionReminderInput): RenderedEmail => {
  const { locale, managerName, employeeName, round } = input;
  const sessionAt = formatDateTime(input.sessionAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Please hold this month's team session with ${employeeName} (round ${round})`,
      greeting: `Dear ${managerName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `As part of ${employeeName}'s first months, please hold this month's team session with them. You or their mentor run it, close to their daily work, separately from HR's 1on1.`,
        },
        { kind: 'heading', text: 'What the team session is for' },
        {
          kind: 'list',
          items: [
            'Reviewing progress on their work and skills together',
            'Feedback on their day-to-day work',
            'Putting what went well and what they learned into words, so they feel their progress',
            'Making clear what is expected of them, and building trust',
          ],
        },
        { kind: 'facts', rows: [{ label: "HR's 1on1 this round", value: sessionAt }] },
        {
          kind: 'paragraph',
          text: "HR's 1on1 is about settling in, how they are feeling and their career, not the work itself. From it, the team only hears what they agree to share.",
        },
        { kind: 'paragraph', text: 'Please agree on a time with them directly.' },
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `【チーム面談のお願い】${employeeName}さんとの今月のチーム面談（第${round}回）`,
    greeting: `${managerName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `お疲れさまです。${employeeName}さんの入社後フォローアップとして、今月のチーム面談の実施をお願いします。チーム面談は、日々の業務に近い上司・メンターの皆さんが行うもので、人事の1on1とは別に行います。`,
      },
      { kind: 'heading', text: 'チーム面談で扱うこと' },
      {
        kind: 'list',
        items: [
          '業務とスキル面の進捗を一緒に振り返る',
          '日々の仕事へのフィードバック',
          'うまくいった体験や学んだことを言葉にして、本人が手応えを得られるようにする',
          '何を期待されているかを伝え、信頼関係を築く',
        ],
      },
      { kind: 'facts', rows: [{ label: '今月の人事の1on1', value: sessionAt }] },
      {
        kind: 'paragraph',
        text: '人事の1on1では、業務そのものではなく、職場への慣れ具合や気持ちの面、キャリアについて伺います。そこで伺った内容は、本人が同意したものだけがチームに共有されます。',
      },
      { kind: 'paragraph', text: '日程は本人と相談して決めてください。' },
    ],
    signature: automatedSignature.ja,
  });
};
