import type { Locale } from '#shared/domain/locale.ts';
import { automatedSignature, renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { locationFact } from '#shared/email/templates/location-fact.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface OrganizerCopyInput {
  locale: Locale;
  hrName: string;
  attendeeName: string;
  /** The meeting as its calendar entry names it. */
  title: string;
  meetingAt: string;
  zone: string;
  location?: string;
  change: 'sent' | 'moved' | 'cancelled';
}

/** Subjects start with this, in each language, so HR can file these mails apart from the ones to act on. */
export const ORGANIZER_COPY_PREFIX = { ja: '【カレンダー控え】', en: '[For your calendar] ' } as const;

/**
 * HR's own copy of a meeting the system sent in their name: the same calendar entry (same UID and SEQUENCE)
 * for HR's calendar, added, moved or removed as it was for the person invited.
 */
export const renderOrganizerCopy = (input: OrganizerCopyInput): RenderedEmail => {
  const { locale, hrName, attendeeName, title, location } = input;
  const when = formatDateTime(input.meetingAt, input.zone, locale);
  if (locale === 'en') {
    const what = {
      sent: `We invited ${attendeeName} to "${title}" in your name.`,
      moved: `We let ${attendeeName} know that "${title}" has moved.`,
      cancelled: `We let ${attendeeName} know that "${title}" will not take place.`,
    }[input.change];
    return renderEmail({
      locale,
      subject: `${ORGANIZER_COPY_PREFIX.en}${title} (${when})`,
      greeting: `Dear ${hrName},`,
      blocks: [
        { kind: 'paragraph', text: what },
        {
          kind: 'facts',
          rows: [{ label: 'When', value: when }, ...locationFact(locale, location)],
        },
        {
          kind: 'paragraph',
          text:
            input.change === 'cancelled'
              ? 'The attached calendar file removes it from your calendar.'
              : 'The attached calendar file keeps your calendar in step with theirs. There is nothing to answer.',
        },
      ],
      signature: automatedSignature.en,
    });
  }
  const what = {
    sent: `${attendeeName} さんを「${title}」にご招待しました（${hrName} さんのお名前でお送りしています）。`,
    moved: `${attendeeName} さんに「${title}」の日時変更をお知らせしました。`,
    cancelled: `${attendeeName} さんに「${title}」の取り消しをお知らせしました。`,
  }[input.change];
  return renderEmail({
    locale,
    subject: `${ORGANIZER_COPY_PREFIX.ja}${title}（${when}）`,
    greeting: `${hrName} さん`,
    blocks: [
      { kind: 'paragraph', text: what },
      {
        kind: 'facts',
        rows: [{ label: '日時', value: when }, ...locationFact(locale, location)],
      },
      {
        kind: 'paragraph',
        text:
          input.change === 'cancelled'
            ? '添付のカレンダーファイルで、あなたのカレンダーから予定が削除されます。'
            : '添付のカレンダーファイルで、あなたのカレンダーにも同じ予定が入ります。返信は不要です。',
      },
    ],
    signature: automatedSignature.ja,
  });
};
