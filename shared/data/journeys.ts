import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, journeyPk, tableName, wasWritten } from '#shared/data/table.ts';
import type { Departure } from '#shared/domain/departure.ts';
import type { Hire } from '#shared/domain/hire.ts';
import { listingAttributes } from '#shared/domain/journey-listing.ts';
import type { JourneyTemplateCopy } from '#shared/domain/journey-template.ts';
import type { Offer } from '#shared/domain/offer.ts';
import type { RoundPlan } from '#shared/domain/onboarding-schedule.ts';
import type { OnboardingSettings } from '#shared/domain/onboarding-settings-schema.ts';

export const journeyStatuses = [
  'offer-follow-up',
  'awaiting-start',
  'onboarding',
  'declined',
  'lapsed',
  'needs-attention',
  'completed',
  'cancelled',
  'left',
] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

/** Statuses of a journey that is still running: the only ones a change of dates applies to. */
export const openStatuses: readonly JourneyStatus[] = ['offer-follow-up', 'awaiting-start', 'onboarding'];
export const isOpen = (status: JourneyStatus): boolean => openStatuses.includes(status);

export interface Journey {
  journeyId: string;
  /** What made the journey unique when it was started: `offer:<offerId>` or `hire:<hireId>`. */
  key: string;
  requestHash: string;
  /** Set for journeys that start with onboarding. */
  hireId?: string;
  phase: 'offer' | 'onboarding';
  status: JourneyStatus;
  /** Only for journeys that start with the offer phase. */
  offer?: Offer;
  hire: Hire;
  onboarding: OnboardingSettings;
  /**
   * The template the journey was started on, as it was then (`templateOf` reads it). None when it was started on
   * the default, or before templates existed: the default shaped by `onboarding` then.
   */
  template?: JourneyTemplateCopy;
  /** Planned when onboarding begins, from the start date and settings of that moment. */
  rounds?: RoundPlan[];
  /**
   * Rounds never run because their prep could not run in full when the hire was posted (a start date already
   * passed); the others keep their numbers.
   */
  roundsLeftOut?: number[];
  /** Set with the status `left`: the person left the company (the timeline's `journey.left` says so too). */
  departure?: Departure;
  createdAt: string;
  updatedAt: string;
}

/** The offer of a journey in its offer phase; a step of that phase on any other journey is a bug. */
export const offerOf = (journey: Journey): Offer => {
  if (!journey.offer) throw new Error(`journey ${journey.journeyId} has no offer phase`);
  return journey.offer;
};

export interface JourneyClaim {
  journeyId: string;
  requestHash: string;
}

const claimKey = (key: string) => ({ pk: `CLAIM#${key}`, sk: 'CLAIM' });
const journeyKey = (journeyId: string) => ({ pk: journeyPk(journeyId), sk: 'JOURNEY' });

export const getClaim = async (key: string): Promise<JourneyClaim | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: claimKey(key), ConsistentRead: true }),
  );
  return result.Item as JourneyClaim | undefined;
};

/**
 * Claims a journey key (an offerId or hireId). Returns the earlier claim when the key was already taken, so the
 * caller can tell a retry of the same request from a conflicting one.
 */
export const claimJourneyKey = async (
  key: string,
  claim: JourneyClaim,
): Promise<JourneyClaim | undefined> => {
  const claimed = await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...claimKey(key), ...claim },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  return claimed ? undefined : getClaim(key);
};

/**
 * Releases a journey key when its journey is erased. Only the claim of that journey goes: the condition keeps a
 * claim that names another journey.
 */
export const deleteClaim = async (key: string, journeyId: string): Promise<void> => {
  await wasWritten(
    documents.send(
      new DeleteCommand({
        TableName: tableName(),
        Key: claimKey(key),
        ConditionExpression: 'journeyId = :journeyId',
        ExpressionAttributeValues: { ':journeyId': journeyId },
      }),
    ),
  );
};

/** The journey as the table holds it: its key, and the attributes HR's list index reads. */
export const journeyItem = (journey: Journey): Record<string, unknown> => ({
  ...journeyKey(journey.journeyId),
  type: 'journey',
  ...journey,
  ...listingAttributes(journey),
});

/** Writes the journey unless it exists: a retried start must not reset a journey that has moved on. */
export const putJourneyOnce = async (journey: Journey): Promise<void> => {
  await wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: journeyItem(journey),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

export const getJourney = async (journeyId: string): Promise<Journey | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: journeyKey(journeyId), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    listSk: _listSk,
    listName: _listName,
    listHr: _listHr,
    listOffer: _listOffer,
    ...journey
  } = result.Item;
  return journey as Journey;
};

export const requireJourney = async (journeyId: string): Promise<Journey> => {
  const journey = await getJourney(journeyId);
  if (!journey) throw new JourneyNotFoundError(journeyId);
  return journey;
};

export class JourneyNotFoundError extends Error {
  override name = 'JourneyNotFoundError';
  constructor(journeyId: string) {
    super(`journey ${journeyId} not found`);
  }
}

/**
 * Saves the planned rounds as onboarding begins. A journey saved before HR's list existed gets its list
 * attributes here; one that has them keeps them, since a move saved meanwhile wrote newer ones.
 */
export const saveRounds = async (journey: Journey, rounds: RoundPlan[], at: Date): Promise<void> => {
  const listing = Object.entries(listingAttributes(journey));
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: journeyKey(journey.journeyId),
      UpdateExpression: [
        'SET rounds = :rounds, #status = :status, updatedAt = :at',
        ...listing.map(([name]) => `#${name} = if_not_exists(#${name}, :${name})`),
      ].join(', '),
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: {
        '#status': 'status',
        ...Object.fromEntries(listing.map(([name]) => [`#${name}`, name])),
      },
      ExpressionAttributeValues: {
        ':rounds': rounds,
        ':status': 'onboarding',
        ':at': at.toISOString(),
        ...Object.fromEntries(listing.map(([name, value]) => [`:${name}`, value])),
      },
    }),
  );
};

/**
 * Saves moved dates: the hire's start date (and the offer's copy of it) and the onboarding plan, with the list
 * attributes derived from them. Only while the journey is open: false when it ended (a cancellation that got
 * there first) or went meanwhile.
 */
export const saveSchedule = async (journey: Journey, at: Date): Promise<boolean> => {
  const fields = {
    hire: journey.hire,
    offer: journey.offer,
    rounds: journey.rounds,
    ...listingAttributes(journey),
    updatedAt: at.toISOString(),
  };
  const present = Object.entries(fields).filter(([, value]) => value !== undefined);
  const open = Object.fromEntries(openStatuses.map((status, index) => [`:open${index}`, status]));
  return wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: journeyKey(journey.journeyId),
        UpdateExpression: `SET ${present.map(([name]) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: `#status IN (${Object.keys(open).join(', ')})`,
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(present.map(([name]) => [`#${name}`, name])),
        },
        ExpressionAttributeValues: {
          ...open,
          ...Object.fromEntries(present.map(([name, value]) => [`:${name}`, value])),
        },
      }),
    ),
  );
};

/**
 * Moves the journey to a status, and only from the ones given: false when it was elsewhere (a retried step, a
 * journey that ended or was cancelled meanwhile, or one erased), which it keeps. No status is ever written over
 * one it was not meant to follow. `also` sets attributes that come with the status (a departure), in one write.
 */
export const advanceJourneyStatus = async (
  journeyId: string,
  from: JourneyStatus | readonly JourneyStatus[],
  to: JourneyStatus,
  at: Date,
  also: Record<string, unknown> = {},
): Promise<boolean> => {
  const sources = typeof from === 'string' ? [from] : from;
  const names = sources.map((_, index) => `:from${index}`);
  const extra = Object.keys(also);
  return wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: journeyKey(journeyId),
        UpdateExpression: [
          'SET #status = :to, updatedAt = :at',
          ...extra.map((name) => `#${name} = :${name}`),
        ].join(', '),
        ConditionExpression: `#status IN (${names.join(', ')})`,
        ExpressionAttributeNames: {
          '#status': 'status',
          ...Object.fromEntries(extra.map((name) => [`#${name}`, name])),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(sources.map((status, index) => [names[index], status])),
          ...Object.fromEntries(extra.map((name) => [`:${name}`, also[name]])),
          ':to': to,
          ':at': at.toISOString(),
        },
      }),
    ),
  );
};
