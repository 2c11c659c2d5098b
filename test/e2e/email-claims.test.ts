import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, journeyPk, tableName } from '#shared/data/table.ts';
import { journeyIdFor } from '#shared/domain/ids.ts';
import type { OutgoingEmail } from '#shared/email/queued-email.ts';
import {
  CLAIM_LEASE_MS,
  deliverEmailOnce,
  EmailSendInProgress,
  settleSends,
} from '#shared/email/send-once.ts';
import { withinInvocation } from '#shared/time/invocation-deadline.ts';
import {
  eventTypes,
  type LocalSystem,
  localIdentifierKey,
  startLocalSystem,
} from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

/**
 * The send-once claim against the local DynamoDB and SES: what a step does when it finds an email already
 * claimed by another invocation, alive or dead.
 */
let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

const email = (to: string): OutgoingEmail => ({
  from: 'hr@example.co.jp',
  to: [{ name: '佐藤 花子', email: to }],
  subject: '面談のご案内',
  text: 'text',
  html: '<p>html</p>',
});

const claimKey = (journeyId: string, key: string) => ({ pk: journeyPk(journeyId), sk: `EMAIL#${key}` });

/** A claim as an invocation leaves it when it stops between claiming an email and SES taking it. */
const leaveClaim = (journeyId: string, key: string, claimedAt: number | undefined) =>
  documents.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...claimKey(journeyId, key),
        type: 'email',
        status: 'sending',
        owner: 'an-invocation-that-timed-out',
        ...(claimedAt === undefined ? {} : { claimedAt }),
      },
    }),
  );

const readClaim = async (journeyId: string, key: string) =>
  (
    await documents.send(
      new GetCommand({ TableName: tableName(), Key: claimKey(journeyId, key), ConsistentRead: true }),
    )
  ).Item;

const longAgo = () => Date.now() - CLAIM_LEASE_MS - 1_000;

describe('an email claimed by another invocation', () => {
  it('is sent by the retry once the claim is older than any invocation lives', async () => {
    await leaveClaim('j-claims-stale', 'brief', longAgo());
    expect(await deliverEmailOnce('j-claims-stale', 'brief', email('stale@example.co.jp'))).toBe(true);
    expect(await system.mailTo('stale@example.co.jp')).toHaveLength(1);
    expect(await readClaim('j-claims-stale', 'brief')).toMatchObject({ status: 'sent' });
  });

  it('left from before claims carried a time is taken over too', async () => {
    await leaveClaim('j-claims-legacy', 'brief', undefined);
    expect(await deliverEmailOnce('j-claims-legacy', 'brief', email('legacy@example.co.jp'))).toBe(true);
    expect(await system.mailTo('legacy@example.co.jp')).toHaveLength(1);
  });

  it('goes out once when several retries find the same stale claim at the same moment', async () => {
    await leaveClaim('j-claims-race', 'brief', longAgo());
    const sent = await Promise.all(
      Array.from({ length: 6 }, () =>
        deliverEmailOnce('j-claims-race', 'brief', email('race@example.co.jp')),
      ),
    );
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await system.mailTo('race@example.co.jp')).toHaveLength(1);
    expect(await readClaim('j-claims-race', 'brief')).toMatchObject({ status: 'sent' });
  });

  it('is not taken over while its sender may still be alive: the duplicate waits and sends nothing', async () => {
    await leaveClaim('j-claims-live', 'brief', Date.now());
    const duplicate = deliverEmailOnce('j-claims-live', 'brief', email('live@example.co.jp'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: claimKey('j-claims-live', 'brief'),
        UpdateExpression: 'SET #status = :sent',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent' },
      }),
    );
    expect(await duplicate).toBe(false);
    expect(await system.mailTo('live@example.co.jp')).toHaveLength(0);
  });

  it('is waited for no longer than the duplicate invocation allows: it fails in time to be retried', async () => {
    await leaveClaim('j-claims-short', 'brief', Date.now());
    const started = Date.now();
    await expect(
      withinInvocation(10_000, undefined, () =>
        deliverEmailOnce('j-claims-short', 'brief', email('short@example.co.jp')),
      ),
    ).rejects.toBeInstanceOf(EmailSendInProgress);
    // Gave up with time left to fail cleanly, not after the 20 s a duplicate waits outside an invocation.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await system.mailTo('short@example.co.jp')).toHaveLength(0);
    // What waits for the journey's sends to settle (an erasure, a move) gives up in time the same way.
    await expect(
      withinInvocation(10_000, undefined, () => settleSends('j-claims-short')),
    ).rejects.toBeInstanceOf(EmailSendInProgress);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('left over by a crashed invitation step still reaches the candidate, once, and the journey goes on', async () => {
    const offer = scenarioOffer('stale-claim');
    // Journey ids are derived from the offer, so the claim can be left before HR posts it.
    const journeyId = journeyIdFor(`offer:${offer.offerId}`, localIdentifierKey());
    await leaveClaim(journeyId, 'invitation#offer-meeting#0', longAgo());

    expect(await system.startJourney(offer)).toBe(journeyId);
    await system.runtime.idle();

    const invitations = await system.mailTo(offer.candidate.email);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]?.attachments.some((file) => file.filename === 'invite.ics')).toBe(true);
    expect(await readClaim(journeyId, 'invitation#offer-meeting#0')).toMatchObject({ status: 'sent' });
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey).filter((type) => type === 'invitation.sent')).toHaveLength(1);
    expect(journey.status).toBe('offer-follow-up');
  });
});
