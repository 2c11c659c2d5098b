import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every function. Log ids and outcomes only: never task tokens, link tokens,
 * email addresses, names or anything a person wrote in a form.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'follow-up-journeys',
});
