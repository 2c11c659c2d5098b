import { createHash } from 'node:crypto';

const digest = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * Ids are derived, not random: a retried request or step computes the same id and so finds what the first
 * attempt wrote instead of creating a second journey, form or schedule.
 */
export const journeyIdFor = (offerId: string): string => `j-${digest('journey', offerId).slice(0, 20)}`;

/** Whether a string has the shape `journeyIdFor` gives every id; anything else names no journey. */
export const isJourneyId = (value: string): boolean => /^j-[0-9a-f]{20}$/.test(value);

export const formIdFor = (journeyId: string, purpose: string): string =>
  `f-${digest('form', journeyId, purpose).slice(0, 16)}`;

/** Whether a string has the shape `formIdFor` gives every id. */
export const isFormId = (value: string): boolean => /^f-[0-9a-f]{16}$/.test(value);

export const offerFingerprint = (offer: unknown): string => digest('offer', JSON.stringify(offer));

/** Names one change from one version of a journey to another, so a change sent again is recorded once. */
export const changeIdFor = (version: string, from: unknown, to: unknown): string =>
  `c-${digest('change', version, JSON.stringify(from), JSON.stringify(to)).slice(0, 16)}`;
