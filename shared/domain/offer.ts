import * as z from 'zod';
import { templateNameSchema } from '#shared/domain/journey-template.ts';
import { meetingLocationSchema } from '#shared/domain/meeting-location.ts';
import { onboardingSettingsSchema } from '#shared/domain/onboarding-settings.ts';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

const name = z.string().trim().min(1, 'required').max(100, 'at most 100 characters');
const email = z.email('must be an email address').max(254);

export const personSchema = z.object({
  name,
  email,
  locale: z.enum(locales).default('ja'),
});
export type Person = z.infer<typeof personSchema>;

export const isoDate = z.iso.date('must be a date like 2027-04-01');
// The test luxon's IANAZone.isValidZone makes, written out so that validating an offer does not load luxon.
const isTimeZone = (zone: string): boolean => {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
};

export const timezoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone like Asia/Tokyo')
  .default('Asia/Tokyo');

export const journeyKeySchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only');

const isoDateTimeWithOffset = z.iso.datetime({ offset: true, message: 'must be a date-time with offset' });

/** Situation flags HR can set from what they saw during selection; the brief adapts to each. */
export const situationFlags = [
  'multiple-offers',
  'unclear-role-image',
  'conditions-concern',
  'career-change',
  'relocation',
  'new-graduate',
] as const;
export type SituationFlag = (typeof situationFlags)[number];

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
