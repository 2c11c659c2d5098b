import type { Locale } from '#shared/domain/locale.ts';
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

/** What changed about a meeting: its time (`previousAt`), its place (`place`), or both. */
export interface MeetingUpdate extends MeetingChangeInput {
  /** When it was before, if the time changed. */
  previousAt?: string;
  /** Where it is now and was before, if the place changed; either may be unsaid. */
  place?: { now?: string; before?: string };
}

const unsaid: Record<Locale, string> = { ja: '（未定）', en: '(not given)' };

/**
 * A meeting moved or relocated: the attached calendar file (same UID, next SEQUENCE) updates the entry people
 * already have. The subject says what changed, so nobody has to compare the two entries to find it.
 */
export const renderMeetingUpdate = (input: MeetingUpdate): RenderedEmail => {
  const { locale, recipientName, hrName, title, previousAt, place } = input;
  const when = formatDateTime(input.meetingAt, input.zone, locale);
  const was = previousAt && formatDateTime(previousAt, input.zone, locale);
  const where = place && (place.now ?? unsaid[locale]);
  const wasWhere = place && (place.before ?? unsaid[locale]);
  if (locale === 'en') {
    const what = was && where ? 'time and place' : where ? 'place' : 'time';
    return renderEmail({
      locale,
      subject: `${what === 'place' ? 'Place' : what === 'time' ? 'Time' : 'Time and place'} changed: ${title}, ${when}`,
      greeting: `Dear ${recipientName},`,
      blocks: [
        { kind: 'paragraph', text: `This is ${hrName} from HR. The ${what} of "${title}" has changed.` },
        {
          kind: 'facts',
          rows: [
            { label: was ? 'New time' : 'Time', value: when },
            ...(was ? [{ label: 'Before', value: was }] : []),
            ...(where && wasWhere
              ? [
                  { label: 'New place', value: where },
                  { label: 'Before', value: wasWhere },
                ]
              : []),
          ],
        },
        { kind: 'paragraph', text: 'The attached calendar file updates the entry in your calendar.' },
      ],
      signature: `${hrName}, HR`,
    });
  }
  const what = was && where ? '日時・場所' : where ? '場所' : '日時';
  return renderEmail({
    locale,
    subject: `【${what}変更】${title}（${when}）`,
    greeting: `${recipientName} 様`,
    blocks: [
      { kind: 'paragraph', text: `人事の${hrName}です。「${title}」の${what}を変更しました。` },
      {
        kind: 'facts',
        rows: [
          { label: was ? '新しい日時' : '日時', value: when },
          ...(was ? [{ label: '変更前', value: was }] : []),
          ...(where && wasWhere
            ? [
                { label: '新しい場所', value: where },
                { label: '変更前の場所', value: wasWhere },
              ]
            : []),
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
