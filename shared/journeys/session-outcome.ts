import * as z from 'zod';

/**
 * What a session's outcome step resumes with (`formTaskOutput`), as the steps after it receive it: decisions,
 * never what HR wrote. An outcome not recorded by its deadline is `{"status": "expired"}` and nothing else.
 */
export const sessionOutcome = z.object({
  status: z.string().min(1),
  formId: z.string().min(1).optional(),
  condition: z.string().optional(),
  consent: z.string().optional(),
  hireConfirms: z.boolean().optional(),
});

export type SessionOutcome = z.infer<typeof sessionOutcome>;

/** The form holding a recorded outcome; one without any cannot be acted on, and retrying will not give it one. */
export const recordedOutcomeForm = (outcome: SessionOutcome): string => {
  if (!outcome.formId) throw new Error(`a ${outcome.status} session outcome names no form`);
  return outcome.formId;
};
