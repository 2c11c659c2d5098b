import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildMeetingInvite, type MeetingInviteInput } from '#shared/calendar/meeting-invite.ts';

interface Property {
  name: string;
  params: string;
  value: string;
}

// Unfolds continuation lines (RFC 5545 §3.1) and splits each property into name, parameters and value.
const parseIcs = (ics: string): Property[] =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([A-Z-]+)((?:;(?:[^":]|"[^"]*")*)*):(.*)$/.exec(line);
      if (!match) throw new Error(`not a property line: ${line}`);
      return { name: match[1] ?? '', params: match[2] ?? '', value: match[3] ?? '' };
    });

const only = (properties: Property[], name: string): Property => {
  const found = properties.filter((property) => property.name === name);
  expect(found, name).toHaveLength(1);
  return found[0] as Property;
};

const invite = (overrides: Partial<MeetingInviteInput> = {}): MeetingInviteInput => ({
  uid: 'j-abc.offer-meeting@follow-up-journeys',
  sequence: 0,
  stampedAt: new Date('2026-11-24T01:00:00Z'),
  method: 'REQUEST',
  start: '2026-12-03T10:00:00+09:00',
  durationMinutes: 60,
  title: 'オファー面談',
  description: 'ご質問にお答えする時間です。',
  organizer: { name: '佐藤 綾', email: 'aya.sato@example.co.jp' },
  attendee: { name: '山田 花子', email: 'hanako.yamada@example.com' },
  ...overrides,
});

describe('the meeting invitation calendar file', () => {
  it('is a request the calendar can add, with the meeting UID, sequence and time', async () => {
    const ics = await buildMeetingInvite(invite({ sequence: 2 }));
    expect(ics, 'every line ends in CRLF').not.toMatch(/(?<!\r)\n/);
    const properties = parseIcs(ics);
    expect(only(properties, 'METHOD').value).toBe('REQUEST');
    expect(only(properties, 'UID').value).toBe('j-abc.offer-meeting@follow-up-journeys');
    expect(only(properties, 'SEQUENCE').value).toBe('2');
    expect(only(properties, 'DTSTART').value).toBe('20261203T010000Z');
    expect(only(properties, 'DURATION').value).toBe('PT60M');
    expect(only(properties, 'STATUS').value).toBe('CONFIRMED');
    expect(only(properties, 'SUMMARY').value).toBe('オファー面談');
    expect(only(properties, 'DTSTAMP').value, 'written by the clock it is given').toBe('20261124T010000Z');
  });

  it('names the organizer and invites the attendee to answer', async () => {
    const properties = parseIcs(await buildMeetingInvite(invite()));
    const organizer = only(properties, 'ORGANIZER');
    expect(organizer.params).toContain('CN="佐藤 綾"');
    expect(organizer.value.toLowerCase()).toBe('mailto:aya.sato@example.co.jp');
    const attendee = only(properties, 'ATTENDEE');
    expect(attendee.params).toContain('CN="山田 花子"');
    expect(attendee.params).toContain('RSVP=TRUE');
    expect(attendee.value.toLowerCase()).toBe('mailto:hanako.yamada@example.com');
  });

  it('cancels with the same UID, a higher sequence and a cancelled status', async () => {
    const properties = parseIcs(await buildMeetingInvite(invite({ method: 'CANCEL', sequence: 1 })));
    expect(only(properties, 'METHOD').value).toBe('CANCEL');
    expect(only(properties, 'STATUS').value).toBe('CANCELLED');
    expect(only(properties, 'UID').value).toBe('j-abc.offer-meeting@follow-up-journeys');
    expect(only(properties, 'SEQUENCE').value).toBe('1');
  });

  it('includes a location only when there is one', async () => {
    expect(
      parseIcs(await buildMeetingInvite(invite())).some((property) => property.name === 'LOCATION'),
    ).toBe(false);
    expect(
      only(parseIcs(await buildMeetingInvite(invite({ location: '本社 3F 会議室A' }))), 'LOCATION').value,
    ).toBe('本社 3F 会議室A');
  });

  it('keeps hostile names and text from adding properties of their own', async () => {
    const ics = await buildMeetingInvite(
      invite({
        title: 'Offer meeting\r\nMETHOD:PUBLISH',
        description: 'line one\rATTENDEE:mailto:evil@example.com\nline "two"; 😀',
        organizer: { name: 'Aya "HR"\r\nATTENDEE:mailto:evil@example.com', email: 'aya.sato@example.co.jp' },
        attendee: { name: 'Hanako\nX-EVIL:1', email: 'hanako.yamada@example.com' },
      }),
    );
    const properties = parseIcs(ics);
    expect(only(properties, 'METHOD').value).toBe('REQUEST');
    expect(only(properties, 'ATTENDEE').value.toLowerCase()).toBe('mailto:hanako.yamada@example.com');
    expect(properties.some((property) => property.name === 'X-EVIL')).toBe(false);
    expect(only(properties, 'DESCRIPTION').value).toContain('😀');
  });

  it('keeps every line within 75 octets however much Japanese the description holds', async () => {
    const description = '入社までの流れと最初の三か月をご説明し、ご不安な点にお答えします。\n'.repeat(6);
    const ics = await buildMeetingInvite(
      invite({ description, location: '東京都千代田区丸の内一丁目 本社ビル 12階 大会議室' }),
    );
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('description')).toBe(description);
  });

  it('gives the organizer a copy to add as it is: the same UID, no attendee asked to answer', async () => {
    const properties = parseIcs(await buildMeetingInvite(invite({ method: 'PUBLISH', sequence: 1 })));
    expect(only(properties, 'METHOD').value).toBe('PUBLISH');
    expect(only(properties, 'UID').value).toBe('j-abc.offer-meeting@follow-up-journeys');
    expect(only(properties, 'SEQUENCE').value).toBe('1');
    expect(only(properties, 'ORGANIZER').value.toLowerCase()).toBe('mailto:aya.sato@example.co.jp');
    expect(properties.some((property) => property.name === 'ATTENDEE')).toBe(false);
  });

  it('refuses a start it cannot read', async () => {
    await expect(buildMeetingInvite(invite({ start: 'tomorrow' }))).rejects.toThrow(RangeError);
  });
});
