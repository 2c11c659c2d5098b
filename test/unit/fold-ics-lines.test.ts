import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldIcsLines } from '#shared/calendar/fold-lines.ts';

const calendar = (description: string): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:u-1@example',
    'DTSTAMP:20261124T010000Z',
    `DESCRIPTION:${description}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const lines = (ics: string): Buffer[] => {
  const octets = Buffer.from(ics, 'utf8');
  const found: Buffer[] = [];
  let start = 0;
  for (let index = octets.indexOf('\r\n'); index !== -1; index = octets.indexOf('\r\n', start)) {
    found.push(octets.subarray(start, index));
    start = index + 2;
  }
  return found;
};

describe('foldIcsLines', () => {
  it.each([
    ['Japanese', 'ご質問にお答えする時間です。入社までの流れと最初の三か月をご説明します。'.repeat(4)],
    ['emoji and accents', 'Café ☕ 😀 naïve résumé '.repeat(12)],
    ['ASCII', 'x'.repeat(300)],
  ])('folds %s text at 75 octets, at character boundaries, and a parser reads it back whole', (_, text) => {
    const folded = foldIcsLines(calendar(text));
    for (const line of lines(folded)) {
      expect(line.length).toBeLessThanOrEqual(75);
      // A line cut inside a character would not decode back to the same octets.
      expect(Buffer.from(line.toString('utf8'), 'utf8').equals(line)).toBe(true);
    }
    const event = new ICAL.Component(ICAL.parse(folded)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('description')).toBe(text);
  });

  it('refolds what was folded by characters', () => {
    const text = 'オファー面談'.repeat(30);
    const byCharacters = calendar(text).replace(/(DESCRIPTION:.{63})/u, '$1\r\n\t');
    expect(foldIcsLines(byCharacters)).toBe(foldIcsLines(calendar(text)));
  });
});
