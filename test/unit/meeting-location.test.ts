import { describe, expect, it } from 'vitest';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';

const messageOf = (value: unknown) => {
  const parsed = meetingLocationSchema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe('a meeting location', () => {
  it.each([
    ['本社 3F 会議室A', '本社 3F 会議室A'],
    ['  Tokyo office, room 12  ', 'Tokyo office, room 12'],
    ['https://meet.example.com/abc-defg-hij', 'https://meet.example.com/abc-defg-hij'],
    ['Room 3: see the sign', 'Room 3: see the sign'],
  ])('takes %j', (given, kept) => {
    expect(meetingLocationSchema.parse(given)).toBe(kept);
  });

  it.each([
    ['http://meet.example.com/abc', 'a video link must be an https:// URL'],
    ['javascript:alert(1)', 'a video link must be an https:// URL'],
    ['会議室\r\nBCC: x', 'must be one line'],
    ['x'.repeat(201), 'at most 200 characters'],
    ['   ', 'required'],
  ])('refuses %j', (given, message) => {
    expect(messageOf(given)).toBe(message);
  });
});
