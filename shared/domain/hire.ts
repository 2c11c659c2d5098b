import type { Person } from '#shared/domain/field-schemas.ts';
import type { Offer } from '#shared/domain/offer.ts';
import type { OnboardingJourneyRequest } from '#shared/domain/onboarding-request.ts';

/** Who and when, as both phases need it: the offer phase fills it from the offer. */
export interface Hire {
  employee: Person;
  hr: Person;
  manager: Person;
  mentor?: Person;
  startDate: string;
  timezone: string;
  /** Where HR meets the person (a room or a video link), unless a meeting says otherwise. */
  location?: string;
}

export const hireFromOffer = (offer: Offer): Hire => ({
  employee: offer.candidate,
  hr: offer.hr,
  manager: offer.manager,
  mentor: offer.mentor,
  startDate: offer.startDate,
  timezone: offer.timezone,
  ...(offer.location ? { location: offer.location } : {}),
});

export const hireFromRequest = (request: OnboardingJourneyRequest): Hire => ({
  employee: request.employee,
  hr: request.hr,
  manager: request.manager,
  mentor: request.mentor,
  startDate: request.startDate,
  timezone: request.timezone,
  ...(request.location ? { location: request.location } : {}),
});

/** The people on the new hire's team who prepare, and hear back: the manager, and the mentor when there is one. */
export const teamOf = (hire: Hire): { role: 'manager' | 'mentor'; person: Person }[] => [
  { role: 'manager', person: hire.manager },
  ...(hire.mentor ? [{ role: 'mentor' as const, person: hire.mentor }] : []),
];
