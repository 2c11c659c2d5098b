import type { Journey, JourneyStatus } from '#shared/data/journeys.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';

/** The index HR's list reads: partition `status`, sort key `listSk`, newest start date first. */
export const JOURNEY_LIST_INDEX = 'ByStatusAndStart';

/**
 * The attributes a journey item carries for the list index, derived from the journey so each write of its dates
 * or people keeps them in step. Status is the index's partition key as it is, so a status change needs nothing.
 */
export interface ListingAttributes {
  /** `<startDate>#<journeyId>`: sorts by start date, unique, and a start month is a key range. */
  listSk: string;
  /** The person's name folded for search (`listSearchTerm`). */
  listName: string;
  /** The HR contact's address, lower-cased: the `hr` filter matches it exactly. */
  listHr: string;
  /** The offer's dates, without the rest of the offer (its concerns are free text the index must not hold). */
  listOffer?: { offerMeetingAt: string; respondBy: string };
}

/** Folds a name or a search term the same way: width (NFKC), case, and spaces do not matter. */
export const listSearchTerm = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export const listSortKey = (startDate: string, journeyId: string): string => `${startDate}#${journeyId}`;

/** A list position as `listSortKey` makes them: the only thing a cursor may carry. */
export const isListSortKey = (value: string): boolean => /^\d{4}-\d{2}-\d{2}#j-[0-9a-f]{20}$/.test(value);

export const listingAttributes = (journey: Journey): ListingAttributes => ({
  listSk: listSortKey(journey.hire.startDate, journey.journeyId),
  listName: listSearchTerm(journey.hire.employee.name),
  listHr: journey.hire.hr.email.toLowerCase(),
  ...(journey.offer
    ? { listOffer: { offerMeetingAt: journey.offer.offerMeetingAt, respondBy: journey.offer.respondBy } }
    : {}),
});

/** What the index holds of a journey: the projected attributes. */
export interface ListedJourney extends ListingAttributes {
  journeyId: string;
  phase: Journey['phase'];
  status: JourneyStatus;
  hire: Journey['hire'];
  rounds?: RoundPlan[];
}

export type NextStep =
  | { kind: 'offer-meeting'; at: string }
  | { kind: 'offer-reply-due'; at: string }
  | { kind: 'onboarding-start'; at: string }
  | { kind: 'round-session'; round: number; at: string };

/**
 * What comes next for a journey and when, from its plan alone: the offer meeting, then the reply deadline; the
 * start date; then the next planned 1on1. A journey that has ended, or waits on a person, has none.
 */
export const nextStepOf = (journey: ListedJourney, at: Date): NextStep | null => {
  const ahead = (iso: string) => Date.parse(iso) > at.getTime();
  switch (journey.status) {
    case 'offer-follow-up': {
      if (!journey.listOffer) return null;
      const { offerMeetingAt, respondBy } = journey.listOffer;
      return ahead(offerMeetingAt)
        ? { kind: 'offer-meeting', at: offerMeetingAt }
        : { kind: 'offer-reply-due', at: respondBy };
    }
    case 'awaiting-start':
      return { kind: 'onboarding-start', at: journey.hire.startDate };
    case 'onboarding': {
      const next = (journey.rounds ?? []).find((plan) => ahead(plan.sessionAt));
      return next ? { kind: 'round-session', round: next.round, at: next.sessionAt } : null;
    }
    default:
      return null;
  }
};

/** One journey as HR's list shows it: who, where it stands, and what comes next. No free text, no notes. */
export const listItemOf = (journey: ListedJourney, at: Date) => ({
  journeyId: journey.journeyId,
  person: { name: journey.hire.employee.name },
  phase: journey.phase,
  status: journey.status,
  hr: { name: journey.hire.hr.name, email: journey.hire.hr.email },
  startDate: journey.hire.startDate,
  /** The zone the next step's time is read in. */
  timezone: journey.hire.timezone,
  nextStep: nextStepOf(journey, at),
});
export type JourneyListItem = ReturnType<typeof listItemOf>;
