import { describe, expect, it } from 'vitest';
import { reissuedLinkExpiry } from '#shared/domain/form-link-expiry.ts';

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
