import { foldIcsLines } from '#shared/calendar/fold-lines.ts';

export interface MeetingInviteInput {
  /** Stays the same for the life of the meeting, so an update or a cancellation replaces the entry. */
  uid: string;
  /** Raised with every change to the meeting; calendars ignore a version older than the one they hold. */
  sequence: number;
  /** When this version of the calendar file was written (DTSTAMP), by the system's clock. */
  stampedAt: Date;
  /**
   * REQUEST and CANCEL go to the attendee; PUBLISH is the organizer's own copy, which their calendar adds as it
   * is, with no invitation to answer.
   */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** ISO 8601 with an offset. */
  start: string;
  durationMinutes: number;
  title: string;
  description: string;
  location?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

// Names go into quoted parameters, where iCalendar allows neither double quotes nor control characters, and
// the library leaves line breaks in the organizer's name as they are, which would start a new property.
const parameterText = (text: string): string =>
  text
    .replace(/["\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// The library escapes LF but not a lone CR, which calendar parsers would read as a line end.
const valueText = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * An iCalendar invitation (or its cancellation) the attendee's calendar can add with one click, or its organizer's
 * copy. The library (about 80 KB with the validation schemas it builds as it loads) is loaded with the first
 * invitation: most functions that can send one do so on some paths only.
 */
export const buildMeetingInvite = async (input: MeetingInviteInput): Promise<string> => {
  const start = Date.parse(input.start);
  if (Number.isNaN(start)) throw new RangeError(`not a date-time: ${JSON.stringify(input.start)}`);
  const { createEvent } = await import('#shared/calendar/ics-library.ts');
  // DTSTAMP: the library reads `timestamp` (the host's clock when left out), though its types omit it.
  const stamp = { timestamp: input.stampedAt.getTime() };
  const { error, value } = createEvent({
    ...stamp,
    productId: '-//follow-up-journeys//offer meeting//EN',
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: input.durationMinutes },
    title: valueText(input.title),
    description: valueText(input.description),
    ...(input.location ? { location: valueText(input.location) } : {}),
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: parameterText(input.organizer.name), email: input.organizer.email },
    attendees:
      input.method === 'PUBLISH'
        ? []
        : [
            {
              name: parameterText(input.attendee.name),
              email: input.attendee.email,
              rsvp: input.method === 'REQUEST',
              partstat: 'NEEDS-ACTION',
              role: 'REQ-PARTICIPANT',
            },
          ],
  });
  if (error || !value) throw error ?? new Error('the calendar file came out empty');
  return foldIcsLines(value);
};
