import * as z from 'zod';
import { templateNameSchema } from '#shared/domain/journey-template.ts';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';
import {
  isoDate,
  journeyKeySchema,
  type Offer,
  type Person,
  personSchema,
  timezoneSchema,
} from '#shared/domain/offer.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings.ts';

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

/** A hire whose offer phase happened elsewhere: the journey starts with onboarding. */
export const onboardingJourneySchema = z.object({
  phase: z.literal('onboarding'),
  hireId: journeyKeySchema,
  employee: personSchema,
  hr: personSchema,
  manager: personSchema,
  mentor: personSchema.optional(),
  startDate: isoDate,
  timezone: timezoneSchema,
  /** Where the HR sessions take place, unless a session says otherwise. */
  location: meetingLocationSchema.optional(),
  onboarding: onboardingSettingsSchema,
  /** The journey template its onboarding months run on (`GET /settings/templates`); the default when absent. */
  template: templateNameSchema.optional(),
});
export type OnboardingJourneyRequest = z.infer<typeof onboardingJourneySchema>;

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
