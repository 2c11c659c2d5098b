import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getErasure, JourneyErased } from '#shared/data/erasures.ts';
import { meetingMailOutdated } from '#shared/data/meeting-mail.ts';
import { documents, journeyPk, queryJourneyPartition, tableName, wasWritten } from '#shared/data/table.ts';
import { mailQueueUrl, queueEmail } from '#shared/email/mail-queue.ts';
import { personIsWaiting } from '#shared/email/person-waiting.ts';
import type { MeetingVersion, OutgoingEmail } from '#shared/email/queued-email.ts';
import { sendEmail } from '#shared/email/send.ts';
import { timeLeftMs } from '#shared/time/invocation-deadline.ts';

/**
 * How often, and how long, a duplicate invocation waits for the one already sending the same email: no longer than
 * its own invocation leaves time to send it should that one fail.
 */
const WAIT_STEP_MS = 250;
const WAIT_LIMIT_MS = 20_000;
/** What a send needs once claimed: the checks, SES's answer (retried when it throttles) and marking it sent. */
const SEND_TIME_MS = 8_000;
const waitedEnough = (waited: number): boolean =>
  waited >= WAIT_LIMIT_MS || timeLeftMs() < WAIT_STEP_MS + SEND_TIME_MS;

/**
 * Longer than any journey function may run (30 s, checked by the stack tests) by a margin for clocks that
 * differ between hosts: an invocation still `sending` after this long was stopped between claiming the email
 * and SES taking it, so a retry takes the claim over instead of leaving the email unsent. A step's retries
 * (three, each waiting up to 20 s) outlast it, so the retry chain that follows a stopped send gets there.
 */
export const CLAIM_LEASE_MS = 45_000;
export const CLAIM_CLOCK_MARGIN_MS = 15_000;

/** Another invocation is sending this email right now; retrying later finds it sent (or free to send). */
export class EmailSendInProgress extends Error {
  override name = 'EmailSendInProgress';
}

/** The email was no longer wanted when its turn came (see `meeting`): nothing was sent. */
export class EmailWithdrawn extends Error {
  override name = 'EmailWithdrawn';
}

export interface SendOnceOptions {
  /**
   * A calendar mail names its meeting's version: once the email is claimed, right before it goes out, it is
   * withdrawn (EmailWithdrawn) if the meeting has been moved on or withdrawn, or its journey has ended. Whoever
   * withdraws a meeting and then mails the withdrawal waits for sends in flight first (`settleSends`), so the
   * email either goes out before that or not at all.
   */
  meeting?: MeetingVersion;
}

export interface DeliverOptions extends SendOnceOptions {
  /** Waited for once the email is claimed and still wanted, right before it goes to SES: the sender's pacing. */
  turn?: () => Promise<void>;
}

interface ClaimKey {
  pk: string;
  sk: string;
}

/**
 * Sends an email at most once per `key` within a journey, so a retried or duplicated step never mails a person
 * twice. Where the deployment has a mail queue, a step puts the email on it and `send-mail` sends it at SES's rate
 * (`deliverEmailOnce`); mail a person is waiting on (HR's request, a form's submission) goes at once, ahead of the
 * queue, and so does all mail where there is no queue (a script calling the domain).
 */
export const sendEmailOnce = async (
  journeyId: string,
  key: string,
  email: OutgoingEmail,
  options: SendOnceOptions = {},
): Promise<void> => {
  const queueUrl = mailQueueUrl();
  if (queueUrl && !personIsWaiting()) {
    await queueEmail(queueUrl, {
      journeyId,
      key,
      email,
      ...(options.meeting ? { meeting: options.meeting } : {}),
    });
    return;
  }
  await deliverEmailOnce(journeyId, key, email, options);
};

/**
 * Sends the email now, unless it went out already: false then. The claim says `sending` until SES has taken the
 * email and `sent` after; it is released when sending fails, so a retry sends it after all. A duplicate that finds
 * it `sending` waits for the outcome instead of reporting success early (the first invocation may still fail and
 * release it), and takes it over once the claim is older than any invocation can live.
 *
 * Claim ages are wall-clock time, not the journey clock: they measure how long a process has been sending.
 *
 * Nothing goes out for an erased journey: the erasure is checked once the email is claimed, and an erasure waits
 * for the sends in flight (`settleSends`) before it answers, so an email is sent before the erasure is done or
 * never (JourneyErased).
 */
export const deliverEmailOnce = async (
  journeyId: string,
  key: string,
  email: OutgoingEmail,
  options: DeliverOptions = {},
): Promise<boolean> => {
  const claim = { pk: journeyPk(journeyId), sk: `EMAIL#${key}` };
  const owner = randomUUID();
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    if (await claimToSend(claim, owner)) break;
    const current = await documents.send(
      new GetCommand({ TableName: tableName(), Key: claim, ConsistentRead: true }),
    );
    // Released by a failed attempt between our two reads: try to claim it again.
    if (!current.Item) continue;
    if (current.Item.status !== 'sending') return false;
    const claimedAt = current.Item.claimedAt as number | undefined;
    if (isStale(claimedAt) && (await takeOver(claim, owner, claimedAt))) break;
    if (waitedEnough(waited))
      throw new EmailSendInProgress(`email ${key} is being sent by another invocation`);
    await sleep(WAIT_STEP_MS);
  }
  try {
    if (await getErasure(journeyId)) throw new JourneyErased(journeyId);
    if (options.meeting && (await meetingMailOutdated(journeyId, options.meeting)))
      throw new EmailWithdrawn(`email ${key} is no longer wanted`);
    await options.turn?.();
    await sendEmail(email, journeyId);
  } catch (error) {
    await release(claim, owner);
    throw error;
  }
  // Conditional: never brings back a claim that went with its journey meanwhile.
  await wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: claim,
        UpdateExpression: 'SET #status = :sent',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent' },
      }),
    ),
  );
  return true;
};

/**
 * Waits until no email of the journey whose key starts with `prefix` is being sent by an invocation that may
 * still be alive: what comes after (an erasure's sweep, a meeting's withdrawal) then follows every email that got
 * past its checks. Claims made from now on find whatever made them unwanted and send nothing.
 */
export const settleSends = async (journeyId: string, prefix = ''): Promise<void> => {
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    const claims = await queryJourneyPartition(journeyId, { prefix: `EMAIL#${prefix}` });
    const live = claims.filter(
      (claim) => claim.status === 'sending' && !isStale(claim.claimedAt as number | undefined),
    );
    if (live.length === 0) return;
    if (waitedEnough(waited)) throw new EmailSendInProgress(`${live.length} emails are being sent`);
    await sleep(WAIT_STEP_MS);
  }
};

// Claims written before claims carried a time have no age to trust; they can only be left over.
const isStale = (claimedAt: number | undefined): boolean =>
  claimedAt === undefined || Date.now() - claimedAt > CLAIM_LEASE_MS;

const claimToSend = async (claim: ClaimKey, owner: string): Promise<boolean> => {
  return wasWritten(
    documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...claim, type: 'email', status: 'sending', owner, claimedAt: Date.now() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

/** Only one of several invocations finding the same stale claim gets it: the one whose write sees it unchanged. */
const takeOver = async (claim: ClaimKey, owner: string, seen: number | undefined): Promise<boolean> => {
  return wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: claim,
        UpdateExpression: 'SET #owner = :owner, claimedAt = :now',
        ConditionExpression:
          seen === undefined
            ? '#status = :sending AND attribute_not_exists(claimedAt)'
            : '#status = :sending AND claimedAt = :seen',
        ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
        ExpressionAttributeValues: {
          ':owner': owner,
          ':now': Date.now(),
          ':sending': 'sending',
          ...(seen === undefined ? {} : { ':seen': seen }),
        },
      }),
    ),
  );
};

/** A send that failed frees the email for a retry, unless another invocation has taken the claim since. */
const release = async (claim: ClaimKey, owner: string): Promise<void> => {
  await wasWritten(
    documents.send(
      new DeleteCommand({
        TableName: tableName(),
        Key: claim,
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    ),
  );
};
