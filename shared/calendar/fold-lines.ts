const LINE_OCTETS = 75;

/**
 * Folds every content line of an iCalendar text at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
 * The `ics` library folds at 75 characters, which Japanese text (three octets a character) overruns threefold;
 * its folds are undone first, so this reads the library's output as unfolded lines.
 */
export const foldIcsLines = (ics: string): string =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');

const foldLine = (line: string): string => {
  const parts: string[] = [];
  let part = '';
  // A continuation line starts with a space, which counts towards its 75 octets.
  let room = LINE_OCTETS;
  for (const character of line) {
    const octets = Buffer.byteLength(character, 'utf8');
    if (octets > room) {
      parts.push(part);
      part = '';
      room = LINE_OCTETS - 1;
    }
    part += character;
    room -= octets;
  }
  parts.push(part);
  return parts.join('\r\n ');
};
