/**
 * Text for a header (a subject, a display name) as one line: a line break there would end the header and let
 * a name write headers of its own, so control characters become spaces.
 */
export const oneLine = (text: string): string =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
