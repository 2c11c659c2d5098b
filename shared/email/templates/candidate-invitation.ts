import type { Locale } from '#shared/domain/locale.ts';
import { renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { locationFact } from '#shared/email/templates/location-fact.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface CandidateInvitationInput {
  locale: Locale;
  candidateName: string;
  hrName: string;
  /** ISO 8601 date-time. */
  meetingAt: string;
  zone: string;
  durationMinutes: number;
  /** A room, an address or a video link. */
  location?: string;
}

/**
 * Invites the candidate to the offer meeting. Worded as help with their own decision: a candidate who feels
 * assessed keeps their real worries to themselves, which is what the meeting exists to prevent.
 */
export const renderCandidateInvitation = (input: CandidateInvitationInput): RenderedEmail => {
  const { locale, candidateName, hrName, durationMinutes } = input;
  const meetingAt = formatDateTime(input.meetingAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `A conversation to help with your decision: offer meeting on ${meetingAt}`,
      greeting: `Dear ${candidateName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Thank you for receiving our offer. This is ${hrName} from HR. So that you can decide about joining us with conviction, I would like to set aside time to talk and to answer your questions.`,
        },
        {
          kind: 'facts',
          rows: [
            { label: 'When', value: meetingAt },
            { label: 'Length', value: `about ${durationMinutes} minutes` },
            ...locationFact(locale, input.location),
          ],
        },
        { kind: 'heading', text: 'What we will talk about' },
        {
          kind: 'list',
          items: [
            'What stood out to us during selection, and the strengths we see in you',
            'The role we hope you will take on, and the team you would join',
            'The offer, including how pay is structured and how raises work',
            'The path to your first day, and what your first three months would look like',
            'Your questions',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Please feel free to ask anything, including things that may feel awkward to ask. You do not need to decide during the meeting: take your time to think it over afterwards.',
        },
        {
          kind: 'paragraph',
          text: 'A calendar file (.ics) is attached so you can add the meeting to your calendar. If the time does not suit you, just reply to this email.',
        },
      ],
      signature: `${hrName}, HR`,
    });
  }
  return renderEmail({
    locale,
    subject: `【ご案内】オファー面談のお知らせ（${meetingAt}）`,
    greeting: `${candidateName} 様`,
    blocks: [
      {
        kind: 'paragraph',
        text: `このたびは内定のご連絡を受け取っていただき、ありがとうございます。人事の${hrName}です。\n${candidateName}様に納得してご入社を判断していただけるよう、お話をしてご質問にお答えする時間（オファー面談）を設けました。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '日時', value: meetingAt },
          { label: '所要時間', value: `約${durationMinutes}分` },
          ...locationFact(locale, input.location),
        ],
      },
      { kind: 'heading', text: '当日お話しすること' },
      {
        kind: 'list',
        items: [
          '選考を通じて印象に残ったこと、私たちが感じている強み',
          '入社後にお任せしたい役割と、配属予定のチームについて',
          'オファー条件（給与の考え方や昇給の仕組みを含めて）',
          '入社までの流れと、入社後1〜3カ月目の過ごし方',
          'ご質問へのお答え',
        ],
      },
      {
        kind: 'paragraph',
        text: '気になっていることや聞きにくいことも、どうぞ遠慮なくお聞かせください。その場で結論を出していただく必要はありません。持ち帰って、じっくりご検討ください。',
      },
      {
        kind: 'paragraph',
        text: 'カレンダーに登録していただけるよう、招待ファイル（.ics）を添付しています。ご都合が合わない場合は、このメールにご返信ください。',
      },
    ],
    signature: `人事 ${hrName}`,
  });
};

/** The calendar entry's title: short, since calendars show it in a narrow box all through the month. */
export const offerMeetingTitle = (locale: Locale, hrName: string): string =>
  locale === 'en' ? `Offer meeting with ${hrName}` : `オファー面談（${hrName}）`;
