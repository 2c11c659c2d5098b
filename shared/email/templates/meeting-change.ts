import type { Locale } from '#shared/domain/offer.ts';
import { renderEmail } from '#shared/email/render-email.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { formatDateTime } from '#shared/time/format.ts';

export interface MeetingChangeInput {
  locale: Locale;
  recipientName: string;
  hrName: string;
  /** The meeting as its calendar entry names it. */
  title: string;
  meetingAt: string;
  zone: string;
}

/** A meeting moved: the attached calendar file (same UID, next SEQUENCE) moves the entry people already have. */
export const renderMeetingUpdate = (input: MeetingChangeInput & { previousAt: string }): RenderedEmail => {
  const { locale, recipientName, hrName, title } = input;
  const when = formatDateTime(input.meetingAt, input.zone, locale);
  const was = formatDateTime(input.previousAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Time changed: ${title}, now ${when}`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        { kind: 'paragraph', text: `This is ${hrName} from HR. The time of "${title}" has changed.` },
        {
          kind: 'facts',
          rows: [
            { label: 'New time', value: when },
            { label: 'Before', value: was },
          ],
        },
        { kind: 'paragraph', text: 'The attached calendar file updates the entry in your calendar.' },
      ],
      signature: `${hrName}, HR`,
    });
  }
  return renderEmail({
    locale,
    subject: `【日時変更】${title}（${when}）`,
    greeting: `${recipientName} 様`,
    blocks: [
      { kind: 'paragraph', text: `人事の${hrName}です。「${title}」の日時を変更しました。` },
      {
        kind: 'facts',
        rows: [
          { label: '新しい日時', value: when },
          { label: '変更前', value: was },
        ],
      },
      { kind: 'paragraph', text: '添付のカレンダーファイルで、カレンダーの予定が更新されます。' },
    ],
    signature: `人事 ${hrName}`,
  });
};

/** A meeting that will not take place: the attached calendar file removes the entry. */
export const renderMeetingCancellation = (input: MeetingChangeInput): RenderedEmail => {
  const { locale, recipientName, hrName, title } = input;
  const when = formatDateTime(input.meetingAt, input.zone, locale);
  if (locale === 'en') {
    return renderEmail({
      locale,
      subject: `Cancelled: ${title} (${when})`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        { kind: 'paragraph', text: `This is ${hrName} from HR. "${title}" on ${when} will not take place.` },
        { kind: 'paragraph', text: 'The attached calendar file removes it from your calendar.' },
      ],
      signature: `${hrName}, HR`,
    });
  }
  return renderEmail({
    locale,
    subject: `【取り消し】${title}（${when}）`,
    greeting: `${recipientName} 様`,
    blocks: [
      { kind: 'paragraph', text: `人事の${hrName}です。${when}の「${title}」は取り消しとなりました。` },
      { kind: 'paragraph', text: '添付のカレンダーファイルで、カレンダーから予定が削除されます。' },
    ],
    signature: `人事 ${hrName}`,
  });
};
