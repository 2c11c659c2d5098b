import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { FormRecord } from '#shared/data/forms.ts';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { confirmationDeadline } from '#shared/domain/confirmation-window.ts';
import { roundProgress } from '#shared/domain/round-progress.ts';
import { summarySharing } from '#shared/domain/summary-sharing.ts';

const form = (fields: Partial<FormRecord>): FormRecord => ({
  journeyId: 'j-1',
  formId: 'f-outcome',
  kind: 'session-outcome',
  recipient: { role: 'hr', name: '佐藤 綾', email: 'aya@example.com', locale: 'ja' },
  status: 'submitted',
  createdAt: '2027-03-01T07:00:00Z',
  linkExpiresAt: '2027-03-31T07:00:00Z',
  round: 1,
  ...fields,
});
const outcome = (consent: string, teamSummary = '慣れてきた') =>
  form({ answers: { condition: 'good', consent, teamSummary } });
const confirmation = (fields: Partial<FormRecord>) =>
  form({
    formId: 'f-confirm',
    kind: 'summary-confirmation',
    recipient: { role: 'employee', name: '山田 花子', email: 'hanako@example.com', locale: 'ja' },
    outcomeFormId: 'f-outcome',
    teamSummary: '慣れてきた',
    ...fields,
  });

describe('what the team may hear after a session', () => {
  it('without consent, only that the session took place, and nobody was asked', () => {
    expect(summarySharing(outcome('none', ''), undefined)).toEqual({ share: 'session-only' });
  });

  it("with consent and no confirmation asked (the journey turned it off), HR's summary", () => {
    expect(summarySharing(outcome('summary'), undefined)).toEqual({
      share: 'summary',
      teamSummary: '慣れてきた',
    });
  });

  it('with consent, the exact text the new hire confirmed, only on their yes', () => {
    const yes = confirmation({ answers: { share: 'yes' }, teamSummary: '確認した文面' });
    expect(summarySharing(outcome('summary'), yes)).toEqual({
      share: 'summary',
      teamSummary: '確認した文面',
    });
  });

  it('a declined or unanswered summary goes nowhere, and says why', () => {
    expect(summarySharing(outcome('summary'), confirmation({ answers: { share: 'no' } }))).toEqual({
      share: 'session-only',
      withheld: 'declined',
    });
    expect(summarySharing(outcome('summary'), confirmation({ status: 'expired' }))).toEqual({
      share: 'session-only',
      withheld: 'no-answer',
    });
  });
});

describe("the new hire's time to confirm a summary", () => {
  const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' });
  const iso = (moment: DateTime) => moment.toISO({ suppressMilliseconds: true });

  it('ends at closing time on the third business day after they were asked', () => {
    expect(iso(confirmationDeadline(DEFAULT_CALENDAR, tokyo('2027-03-01T16:00')))).toBe(
      '2027-03-04T18:00:00+09:00',
    );
    // Asked on Friday 25 December 2026: the weekend and the New Year closure do not count.
    expect(iso(confirmationDeadline(DEFAULT_CALENDAR, tokyo('2026-12-25T16:00')))).toBe(
      '2027-01-05T18:00:00+09:00',
    );
  });
});

describe('a round in the journey view', () => {
  const plan = [
    {
      round: 1,
      startsAt: '2027-02-22T10:00:00+09:00',
      sessionAt: '2027-03-01T15:00:00+09:00',
      prepDeadline: '',
    },
  ];

  it.each([
    [{ status: 'open' as const }, 'waiting'],
    [{ answers: { share: 'yes' } }, 'confirmed'],
    [{ answers: { share: 'no' } }, 'declined'],
    [{ status: 'expired' as const }, 'expired'],
  ])('shows where the confirmation of its team summary stands (%o: %s)', (fields, expected) => {
    const [round] = roundProgress(plan, [outcome('summary'), confirmation(fields)]);
    expect(round).toMatchObject({ status: 'done', summaryConfirmation: expected });
  });

  it('shows none when the new hire was not asked', () => {
    expect(roundProgress(plan, [outcome('none', '')])[0]).not.toHaveProperty('summaryConfirmation');
  });
});
