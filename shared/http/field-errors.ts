import type * as z from 'zod';

/** One readable message per field, keyed by its dotted path (`candidate.email`, `interviewers.0.name`). */
export const fieldErrorsOf = (error: z.ZodError): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    errors[path] ??= issue.message;
  }
  return errors;
};
