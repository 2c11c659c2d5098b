import { HttpError } from '#shared/http/http-error.ts';

/** What a use case refused for the person to fix: the status, message and field messages the API answers with. */
export interface Refusal {
  status: number;
  message: string;
  /** Keyed by the API's paths (`candidate.email`, `sessions.2`); empty when the refusal is of the whole. */
  fields: Record<string, string>;
}

/**
 * A console form shows a refusal (by default 400 or 409) on its page again; anything else is thrown on, to the
 * console's notices or its error page.
 */
export const refusalOf = (error: unknown, statuses: readonly number[] = [400, 409]): Refusal => {
  if (!(error instanceof HttpError) || !statuses.includes(error.statusCode)) throw error;
  return {
    status: error.statusCode,
    message: String(error.body.message ?? ''),
    fields: (error.body.errors ?? {}) as Record<string, string>,
  };
};
