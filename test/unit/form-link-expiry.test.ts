import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { latestReplyDeadline } from '#shared/domain/execution-limits.ts';
import {
  LONGEST_LINK_DAYS,
  linkExpiryAfter,
  OUTCOME_LINK_DAYS,
  reissuedLinkExpiry,
} from '#shared/domain/form-link-expiry.ts';

const at = new Date('2027-03-03T01:00:00Z');

describe('the expiry of a link sent afresh', () => {
  it('is two weeks past the deadline of a form that has one', () => {
    const form = { linkExpiresAt: '2027-03-10T09:00:00.000Z', deadline: '2027-03-04T09:00:00.000Z' };
    expect(reissuedLinkExpiry(form, at).toISOString()).toBe('2027-03-18T09:00:00.000Z');
  });

  it('is 30 days from now for an outcome without a deadline', () => {
    const form = { linkExpiresAt: '2027-03-01T00:00:00.000Z' };
    expect(reissuedLinkExpiry(form, at).toISOString()).toBe('2027-04-02T01:00:00.000Z');
  });

  it('never ends before the link it replaces', () => {
    const form = { linkExpiresAt: '2027-04-30T00:00:00.000Z', deadline: '2027-03-04T09:00:00.000Z' };
    expect(reissuedLinkExpiry(form, at).toISOString()).toBe('2027-04-30T00:00:00.000Z');
  });
});

describe('the longest a link lives, which old signing keys are kept for', () => {
  it('covers an interviewer link due at the latest reply deadline, sent at the offer or afresh, and outcome links', () => {
    const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;
    // Just after midnight in Tokyo, the reply deadline is furthest away; the prep deadline is that day's end at most.
    const postedAt = new Date('2027-03-02T15:01:00Z');
    const replyBy = DateTime.fromISO(latestReplyDeadline(postedAt, 'Asia/Tokyo'), { zone: 'Asia/Tokyo' });
    const deadline = replyBy.endOf('day');
    expect(days(postedAt, linkExpiryAfter(deadline).toJSDate())).toBeLessThanOrEqual(LONGEST_LINK_DAYS);
    const form = {
      linkExpiresAt: linkExpiryAfter(deadline).toUTC().toISO() ?? '',
      deadline: deadline.toISO() ?? '',
    };
    expect(days(postedAt, reissuedLinkExpiry(form, postedAt))).toBeLessThanOrEqual(LONGEST_LINK_DAYS);
    expect(OUTCOME_LINK_DAYS).toBeLessThanOrEqual(LONGEST_LINK_DAYS);
  });
});
