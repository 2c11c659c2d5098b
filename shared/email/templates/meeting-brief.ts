import type { Locale } from '#shared/domain/locale.ts';
import type { OfferBrief } from '#shared/domain/offer-brief.ts';
import { automatedSignature, type EmailBlock, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface MeetingBriefInput {
  locale: Locale;
  hrName: string;
  candidateName: string;
  /** ISO 8601 date-time. */
  meetingAt: string;
  zone: string;
  brief: OfferBrief;
}

/** A brief's sections as email blocks; the onboarding session brief is drawn the same way. */
export const briefBlocks = (brief: OfferBrief): EmailBlock[] =>
  brief.sections.flatMap((section): EmailBlock[] => [
    { kind: 'heading', text: section.heading },
    // The agenda is a sequence HR follows step by step; the other sections are checklists.
    { kind: 'list', items: section.items, ordered: section.key === 'agenda' },
  ]);

/** HR's preparation for the offer meeting, sent once the interviewers have answered or their time ran out. */
export const renderMeetingBrief = (input: MeetingBriefInput): RenderedEmail => {
  const { locale, hrName, candidateName } = input;
  const meetingAt = formatDateTime(input.meetingAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Offer meeting brief: ${candidateName} (${meetingAt})`,
      greeting: `Dear ${hrName},`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Here is the brief for your offer meeting with ${candidateName}. The meeting is a conversation to help them decide with conviction: draw out their hesitations and answer each one.`,
        },
        { kind: 'facts', rows: [{ label: 'Meeting', value: meetingAt }] },
        ...briefBlocks(input.brief),
      ],
      signature: automatedSignature.en,
    });
  }
  return renderEmail({
    locale,
    subject: `オファー面談の準備資料：${candidateName}さん（${meetingAt}）`,
    greeting: `${hrName} さん`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${candidateName}さんとのオファー面談の準備資料をお送りします。面談は、候補者が納得感を持って入社を判断するための対話の場です。迷いや不安を引き出し、一つひとつに答えられるよう備えましょう。`,
      },
      { kind: 'facts', rows: [{ label: '日時', value: meetingAt }] },
      ...briefBlocks(input.brief),
    ],
    signature: automatedSignature.ja,
  });
};
