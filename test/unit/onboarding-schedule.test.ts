import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { defaultTemplate } from '#shared/domain/journey-template.ts';
import { followUpSessionAt, planRounds } from '#shared/domain/onboarding-schedule.ts';
import { offersThreeParty } from '#shared/domain/onboarding-settings.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { tokyoHire } from '../support/sample-offer.ts';

const hire = tokyoHire;
const defaults = onboardingSettingsSchema.parse(undefined);

describe('onboarding rounds', () => {
  it('plans three HR 1on1s a month apart at 15:00, each on a business day, moving past holidays', () => {
    const rounds = planRounds(hire('2027-02-01'), defaults, defaultTemplate(defaults), DEFAULT_CALENDAR);
    expect(rounds.map((round) => round.sessionAt)).toEqual([
      '2027-03-01T15:00:00+09:00',
      '2027-04-01T15:00:00+09:00',
      // 2027-05-01 is a Saturday and 3-5 May are Golden Week holidays.
      '2027-05-06T15:00:00+09:00',
    ]);
  });

  it('starts each round five business days before its session, with prep due the evening before', () => {
    const [first] = planRounds(hire('2027-02-01'), defaults, defaultTemplate(defaults), DEFAULT_CALENDAR);
    // Back from Monday 1 March, skipping the weekend and the Emperor's Birthday (Tuesday 23 February).
    expect(first?.startsAt).toBe('2027-02-19T10:00:00+09:00');
    expect(first?.prepDeadline).toBe('2027-02-26T18:00:00+09:00');
  });

  it('follows the count, spacing and time HR chose', () => {
    const settings = { ...defaults, rounds: 2, monthsBetween: 2, sessionTime: '10:30' };
    const rounds = planRounds(hire('2027-02-01'), settings, defaultTemplate(settings), DEFAULT_CALENDAR);
    expect(rounds.map((round) => round.sessionAt)).toEqual([
      '2027-04-01T10:30:00+09:00',
      '2027-06-01T10:30:00+09:00',
    ]);
  });

  it('proposes a follow-up session three business days out at the usual time', () => {
    // Friday 2027-03-05 -> Wednesday 2027-03-10.
    expect(
      followUpSessionAt(
        new Date('2027-03-05T07:00:00Z'),
        hire('2027-02-01'),
        defaults,
        DEFAULT_CALENDAR,
      ).toISO(),
    ).toBe('2027-03-10T15:00:00.000+09:00');
  });

  it('never offers a three-party meeting in round 1, unless the template lets round 1 be three-party', () => {
    const fromOne = { ...defaults, threePartyFromRound: 1 };
    expect(offersThreeParty(fromOne, defaultTemplate(fromOne), 1)).toBe(false);
    expect(offersThreeParty(fromOne, { firstRoundHrOnly: false }, 1)).toBe(true);
  });

  it('offers a three-party meeting only from the round HR chose, and none by default', () => {
    const fromTwo = { ...defaults, threePartyFromRound: 2 };
    expect([1, 2, 3].map((round) => offersThreeParty(fromTwo, defaultTemplate(fromTwo), round))).toEqual([
      false,
      true,
      true,
    ]);
    expect([1, 2, 3].map((round) => offersThreeParty(defaults, defaultTemplate(defaults), round))).toEqual([
      false,
      false,
      false,
    ]);
  });
});
