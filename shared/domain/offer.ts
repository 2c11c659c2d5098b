import * as z from 'zod';
import { isoDate, journeyKeySchema, personSchema, timezoneSchema } from '#shared/domain/field-schemas.ts';
import { templateNameSchema } from '#shared/domain/journey-template.ts';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings-schema.ts';
import { situationFlags } from '#shared/domain/situation-flags.ts';

const isoDateTimeWithOffset = z.iso.datetime({ offset: true, message: 'must be a date-time with offset' });

/** An offer as HR or their ATS give it (`POST /journeys`): the journey starts with the offer phase. */
export const offerSchema = z
  .object({
    phase: z.literal('offer').default('offer'),
    offerId: journeyKeySchema,
    candidate: personSchema,
    hr: personSchema,
    manager: personSchema,
    mentor: personSchema.optional(),
    interviewers: z.array(personSchema).max(10, 'at most 10 interviewers').default([]),
    offerMeetingAt: isoDateTimeWithOffset,
    respondBy: isoDate,
    startDate: isoDate,
    timezone: timezoneSchema,
    /** Where the offer meeting takes place, and the onboarding sessions unless a session says otherwise. */
    location: meetingLocationSchema.optional(),
    selection: z
      .object({
        concerns: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
        situation: z.array(z.enum(situationFlags)).max(situationFlags.length).default([]),
      })
      .default({ concerns: [], situation: [] }),
    onboarding: onboardingSettingsSchema,
    /** The journey template its onboarding months run on (`GET /settings/templates`); the default when absent. */
    template: templateNameSchema.optional(),
  })
  .superRefine((offer, ctx) => {
    const meetingDay = offer.offerMeetingAt.slice(0, 10);
    if (offer.respondBy < meetingDay) {
      ctx.addIssue({ code: 'custom', path: ['respondBy'], message: 'must not be before the offer meeting' });
    }
    if (offer.startDate < offer.respondBy) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'must not be before respondBy' });
    }
  });

export type Offer = z.infer<typeof offerSchema>;
