import * as z from 'zod';

/**
 * How HR wants the onboarding months run for one hire: by default an HR 1on1 one, two and three months after
 * the start date at 15:00, HR-only throughout. A three-party meeting is offered in round 1 only when the
 * journey's template says round 1 need not be HR-only (checked as the journey starts).
 */
export const onboardingSettingsSchema = z
  .object({
    /** The default template's 1on1s: a named template sets its own cadence. */
    rounds: z.number().int().min(1).max(6).default(3),
    monthsBetween: z.number().int().min(1).max(3).default(1),
    sessionTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 15:00')
      .default('15:00'),
    threePartyFromRound: z.number().int().min(1).max(24).optional(),
    hrLeadEmail: z.email('must be an email address').max(254).optional(),
    /** How alerts greet the HR lead named by `hrLeadEmail`; without it they greet the role. */
    hrLeadName: z.string().trim().min(1, 'required').max(100, 'at most 100 characters').optional(),
    /**
     * Whether a team summary HR recorded with consent first goes to the new hire to confirm; `false` shares it
     * with the team as soon as HR records it.
     */
    hireConfirmsSummary: z.boolean({ error: 'must be true or false' }).default(true),
    /** Pulse checks for the new hire on the default cadence (`shared/domain/pulse.ts`), or none with `false`. */
    pulse: z.boolean({ error: 'must be true or false' }).default(true),
  })
  .default({ rounds: 3, monthsBetween: 1, sessionTime: '15:00', hireConfirmsSummary: true, pulse: true });

export type OnboardingSettings = z.infer<typeof onboardingSettingsSchema>;
