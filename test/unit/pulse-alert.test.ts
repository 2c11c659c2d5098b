import { describe, expect, it } from 'vitest';
import { pulseAlertCause, pulseAlertRound } from '#shared/domain/pulse-alert.ts';

describe('pulseAlertCause', () => {
  it('raises nothing without answers or on a steady series', () => {
    expect(pulseAlertCause([])).toBeUndefined();
    expect(pulseAlertCause(['cloudy'])).toBeUndefined();
    expect(pulseAlertCause(['rainy', 'rainy', 'rainy', 'rainy'])).toBeUndefined();
  });

  it('raises on stormy, even as the first answer', () => {
    expect(pulseAlertCause(['stormy'])).toBe('stormy');
    expect(pulseAlertCause(['stormy', 'stormy'])).toBe('stormy');
  });

  it("judges an answer against the person's own usual once there are two earlier answers", () => {
    // One earlier answer is no usual yet.
    expect(pulseAlertCause(['sunny', 'cloudy'])).toBeUndefined();
    // Usual sunny: cloudy is two steps below it.
    expect(pulseAlertCause(['sunny', 'sunny', 'cloudy'])).toBe('below-usual');
    // Usual 0.5 (sunny, fair): cloudy is 1.5 steps below, rainy 2.5.
    expect(pulseAlertCause(['fair', 'sunny', 'cloudy'])).toBeUndefined();
    expect(pulseAlertCause(['fair', 'sunny', 'rainy'])).toBe('below-usual');
    // Someone who usually answers rainy is not alarming at rainy.
    expect(pulseAlertCause(['rainy', 'cloudy', 'rainy', 'rainy'])).toBeUndefined();
  });

  it('raises on three answers in a row, each below the one before', () => {
    expect(pulseAlertCause(['fair', 'cloudy', 'rainy'])).toBe('falling');
    expect(pulseAlertCause(['sunny', 'sunny', 'fair', 'cloudy'])).toBe('falling');
    expect(pulseAlertCause(['cloudy', 'cloudy', 'fair', 'cloudy', 'rainy'])).toBe('falling');
    // A level step breaks the run.
    expect(pulseAlertCause(['fair', 'cloudy', 'cloudy', 'rainy'])).toBeUndefined();
    // Getting better is never a fall.
    expect(pulseAlertCause(['rainy', 'cloudy', 'fair'])).toBeUndefined();
  });
});

describe('pulseAlertRound', () => {
  const rounds = [
    {
      round: 2,
      startsAt: '2027-05-28T10:00:00+09:00',
      sessionAt: '2027-06-04T15:00:00+09:00',
      prepDeadline: '2027-06-03T18:00:00+09:00',
    },
    {
      round: 1,
      startsAt: '2027-04-23T10:00:00+09:00',
      sessionAt: '2027-05-06T15:00:00+09:00',
      prepDeadline: '2027-05-05T18:00:00+09:00',
    },
  ];

  it('belongs to the first round whose session has not ended, or to the last once all have', () => {
    expect(pulseAlertRound(rounds, new Date('2027-04-08T10:00:00+09:00'))).toBe(1);
    // During round 1's session it can still reach it; an hour later it is for round 2.
    expect(pulseAlertRound(rounds, new Date('2027-05-06T15:30:00+09:00'))).toBe(1);
    expect(pulseAlertRound(rounds, new Date('2027-05-06T16:00:00+09:00'))).toBe(2);
    expect(pulseAlertRound(rounds, new Date('2027-07-01T10:00:00+09:00'))).toBe(2);
    expect(pulseAlertRound([], new Date('2027-07-01T10:00:00+09:00'))).toBeUndefined();
  });
});
