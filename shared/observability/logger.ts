import { Logger } from '@aws-lambda-powertools/logger';
import { redactSensitive } from '#shared/observability/redact.ts';

/**
 * One structured logger for every function. Log ids and outcomes only: never task tokens, link tokens,
 * email addresses, names or anything a person wrote in a form. Redaction is built in as a safety net, not a
 * licence: every line passes through `redactSensitive`, so a careless call masks what it should not log.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'follow-up-journeys',
  jsonReplacerFn: redactSensitive,
});
