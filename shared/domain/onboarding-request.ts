import * as z from 'zod';
import { isoDate, journeyKeySchema, personSchema, timezoneSchema } from '#shared/domain/field-schemas.ts';
import { templateNameSchema } from '#shared/domain/journey-template.ts';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';

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
