import { createHash, createHmac } from 'node:crypto';

const digest = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex');

const keyedDigest = (key: string, ...parts: string[]): string =>
  createHmac('sha256', key).update(parts.join('\u0000')).digest('hex');

/**
 * Ids are derived, not random: a retried request or step computes the same id and so finds what the first
 * attempt wrote instead of creating a second journey, form or schedule. A journey id is keyed with the
 * deployment's identifier key (`identifierKey()`): it names the journey in URLs, logs and the erasure record,
 * and a plain hash of an offerId would let anyone holding HR's ids tell which one is whose.
 */
export const journeyIdFor = (journeyKey: string, identifierKey: string): string =>
  `j-${keyedDigest(identifierKey, 'journey', journeyKey).slice(0, 20)}`;

/**
 * The id a journey got before ids were keyed. Only read: a start looks for an erasure recorded under it, so an
 * offer erased before the upgrade is still never started again.
 */
export const unkeyedJourneyIdFor = (journeyKey: string): string =>
  `j-${digest('journey', journeyKey).slice(0, 20)}`;

/** Whether a string has the shape `journeyIdFor` gives every id; anything else names no journey. */
export const isJourneyId = (value: string): boolean => /^j-[0-9a-f]{20}$/.test(value);

/**
 * A meeting's calendar UID, the same for the life of the meeting and keyed like journey ids: it sits in
 * people's calendars, where colleagues and calendar services may read it.
 */
export const meetingUidFor = (journeyId: string, meeting: string, identifierKey: string): string =>
  `${keyedDigest(identifierKey, 'meeting', journeyId, meeting).slice(0, 32)}@follow-up-journeys`;

export const formIdFor = (journeyId: string, purpose: string): string =>
  `f-${digest('form', journeyId, purpose).slice(0, 16)}`;

/** Whether a string has the shape `formIdFor` gives every id. */
export const isFormId = (value: string): boolean => /^f-[0-9a-f]{16}$/.test(value);

export const offerFingerprint = (offer: unknown): string => digest('offer', JSON.stringify(offer));

/** Names one change from one version of a journey to another, so a change sent again is recorded once. */
export const changeIdFor = (version: string, from: unknown, to: unknown): string =>
  `c-${digest('change', version, JSON.stringify(from), JSON.stringify(to)).slice(0, 16)}`;
