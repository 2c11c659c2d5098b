import ICAL from 'ical.js';
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';
import { expect } from 'vitest';
import type { LocalEmail } from '#infra/local/mailbox.ts';
import type { LocalSystem } from './local-system.ts';

export interface CalendarPart {
  /** `method` of the part's Content-Type, as mail clients read it. */
  method: string | undefined;
  /** Whether it is the `text/calendar` alternative to the text (else the invite.ics file). */
  alternative: boolean;
  octets: Buffer;
  event: ICAL.Component;
  calendar: ICAL.Component;
}

export interface StandardMail {
  parsed: ParsedMail;
  calendars: CalendarPart[];
}

/** The message exactly as it went to SES: the local SES server keeps only its own re-composed copy. */
export const rawMessage = (system: LocalSystem, messageId: string): Buffer => {
  const raw = system.runtime.rawEmail(messageId);
  if (!raw) throw new Error(`no raw message for ${messageId}`);
  return raw;
};

const isCalendar = (part: Attachment) =>
  part.contentType === 'text/calendar' || part.contentType === 'application/ics';

const methodOf = (part: Attachment): string | undefined => {
  const header = part.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return header?.params?.method;
};

/** Every content line of a calendar file, as octets, without its CRLF; fails on a bare CR or LF. */
const calendarLines = (octets: Buffer): Buffer[] => {
  const text = octets.toString('latin1');
  expect(text.endsWith('\r\n'), 'the calendar file ends in CRLF').toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(text), 'no bare CR or LF in the calendar file').toBe(false);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => Buffer.from(line, 'latin1'));
};

/**
 * Reads a mail the way mail clients and calendars do (mailparser, ical.js) and checks what every mail of ours
 * must be: CRLF line ends throughout, the sender's display name, `Auto-Submitted`, and calendar files whose
 * lines are folded at 75 octets, never inside a UTF-8 character.
 */
export const readByTheStandards = async (system: LocalSystem, email: LocalEmail): Promise<StandardMail> => {
  const raw = rawMessage(system, email.messageId);
  expect(/(?<!\r)\n/.test(raw.toString('latin1')), 'no bare LF in the raw message').toBe(false);
  const parsed = await simpleParser(raw);
  expect(parsed.from?.value[0]?.name).toBe('フォローアップ面談 / Follow-up');
  expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  const calendars = parsed.attachments.filter(isCalendar).map((part): CalendarPart => {
    for (const line of calendarLines(part.content)) {
      expect(line.length, 'octets in a calendar line').toBeLessThanOrEqual(75);
      expect(Buffer.from(line.toString('utf8'), 'utf8').equals(line), 'folded at a character boundary').toBe(
        true,
      );
    }
    const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
    const event = calendar.getFirstSubcomponent('vevent');
    if (!event) throw new Error('a calendar file without an event');
    return {
      method: methodOf(part),
      alternative: part.contentType === 'text/calendar' && part.contentDisposition !== 'attachment',
      octets: part.content,
      event,
      calendar,
    };
  });
  return { parsed, calendars };
};
