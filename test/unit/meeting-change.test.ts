import { describe, expect, it } from 'vitest';
import { renderMeetingUpdate } from '#shared/email/templates/meeting-change.ts';

const meeting = {
  recipientName: '山田 花子',
  hrName: '佐藤 綾',
  title: '1on1 第2回',
  meetingAt: '2027-05-10T15:00:00+09:00',
  zone: 'Asia/Tokyo',
};

describe('a meeting update', () => {
  it('names what changed in the subject: the time, the place, or both', () => {
    const moved = renderMeetingUpdate({ ...meeting, locale: 'ja', previousAt: '2027-05-07T15:00:00+09:00' });
    expect(moved.subject).toMatch(/^【日時変更】/);
    expect(moved.text).toContain('変更前');
    expect(moved.text).not.toContain('場所');

    const placed = renderMeetingUpdate({ ...meeting, locale: 'ja', place: { now: '本社 会議室B' } });
    expect(placed.subject).toMatch(/^【場所変更】/);
    expect(placed.text).toContain('新しい場所：本社 会議室B');
    expect(placed.text).toContain('変更前の場所：（未定）');
    expect(placed.text).not.toContain('新しい日時');

    const both = renderMeetingUpdate({
      ...meeting,
      locale: 'en',
      previousAt: '2027-05-07T15:00:00+09:00',
      place: { now: 'https://meet.example.com/a', before: 'Room B' },
    });
    expect(both.subject).toMatch(/^Time and place changed: /);
    expect(both.text).toContain('New place: https://meet.example.com/a');
    expect(both.text).toContain('Before: Room B');
  });
});
