import * as z from 'zod';

export const MEETING_LOCATION_MAX = 200;

// Anything that starts like a URL is read as one: a video link must be https, never a javascript: or http link.
const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text) && !/\s/.test(text);

const isHttpsUrl = (text: string): boolean => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Where a meeting takes place: a room or an address in free text, or a video link (https). One line, since it
 * becomes the calendar entry's LOCATION and a line of the invitation mail.
 */
export const meetingLocationSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MEETING_LOCATION_MAX, `at most ${MEETING_LOCATION_MAX} characters`)
  .refine((text) => !/\p{Cc}/u.test(text), 'must be one line')
  .refine((text) => !looksLikeUrl(text) || isHttpsUrl(text), 'a video link must be an https:// URL')
  .describe('A room or an address, or an https:// video link: one line, at most 200 characters');
