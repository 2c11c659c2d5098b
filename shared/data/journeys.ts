import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, isConditionFailure, journeyPk, tableName } from '#shared/data/table.ts';
import type { Offer } from '#shared/domain/offer.ts';

export const journeyStatuses = [
  'offer-follow-up',
  'awaiting-start',
  'onboarding',
  'declined',
  'lapsed',
  'needs-attention',
  'completed',
] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

export interface Journey {
  journeyId: string;
  offerId: string;
  offerHash: string;
  status: JourneyStatus;
  offer: Offer;
  createdAt: string;
  updatedAt: string;
}

export interface OfferClaim {
  journeyId: string;
  offerHash: string;
}

const offerKey = (offerId: string) => ({ pk: `OFFER#${offerId}`, sk: 'OFFER' });
const journeyKey = (journeyId: string) => ({ pk: journeyPk(journeyId), sk: 'JOURNEY' });

export const getOfferClaim = async (offerId: string): Promise<OfferClaim | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: offerKey(offerId), ConsistentRead: true }),
  );
  return result.Item as OfferClaim | undefined;
};

/**
 * Claims an offer id for a journey. Returns the earlier claim when the offer was already taken, so the caller
 * can tell a retry of the same offer from a conflicting one.
 */
export const claimOffer = async (offerId: string, claim: OfferClaim): Promise<OfferClaim | undefined> => {
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...offerKey(offerId), ...claim },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return getOfferClaim(offerId);
  }
};

/** Writes the journey unless it exists: a retried start must not reset a journey that has moved on. */
export const putJourneyOnce = async (journey: Journey): Promise<void> => {
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...journeyKey(journey.journeyId), type: 'journey', ...journey },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

export const getJourney = async (journeyId: string): Promise<Journey | undefined> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: journeyKey(journeyId), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...journey } = result.Item;
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

export const setJourneyStatus = async (journeyId: string, status: JourneyStatus, at: Date): Promise<void> => {
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: journeyKey(journeyId),
      UpdateExpression: 'SET #status = :status, updatedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':at': at.toISOString() },
    }),
  );
};
