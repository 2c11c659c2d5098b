import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isJourneyId, journeyIdFor, meetingUidFor, unkeyedJourneyIdFor } from '#shared/domain/ids.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const KEY = 'deployment-identifier-key';

describe('ids derived from HR’s ids', () => {
  it('give a journey the same id every time, in the shape routes accept, and another under another key', () => {
    const id = journeyIdFor('offer:OFFER-2026-001', KEY);
    expect(journeyIdFor('offer:OFFER-2026-001', KEY)).toBe(id);
    expect(isJourneyId(id)).toBe(true);
    expect(journeyIdFor('offer:OFFER-2026-001', 'another-key')).not.toBe(id);
  });

  it('cannot be worked out from the offerId alone, as the unkeyed id could', () => {
    const id = journeyIdFor('offer:OFFER-2026-001', KEY);
    expect(id).not.toBe(unkeyedJourneyIdFor('offer:OFFER-2026-001'));
    expect(id.slice(2)).not.toBe(sha256('journey\u0000offer:OFFER-2026-001').slice(0, 20));
    expect(unkeyedJourneyIdFor('offer:OFFER-2026-001').slice(2)).toBe(
      sha256('journey\u0000offer:OFFER-2026-001').slice(0, 20),
    );
  });

  it('give each meeting of a journey its own UID, which names neither the journey nor the meeting', () => {
    const journeyId = journeyIdFor('hire:HIRE-1', KEY);
    const uid = meetingUidFor(journeyId, 'session-r1', KEY);
    expect(meetingUidFor(journeyId, 'session-r1', KEY)).toBe(uid);
    expect(meetingUidFor(journeyId, 'session-r2', KEY)).not.toBe(uid);
    expect(uid).toMatch(/^[0-9a-f]{32}@follow-up-journeys$/);
    expect(uid).not.toContain(journeyId);
    expect(uid).not.toContain(sha256(`meeting\u0000${journeyId}\u0000session-r1`).slice(0, 32));
  });
});
