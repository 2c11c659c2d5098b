import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, isConditionFailure, tableName, wasWritten } from '#shared/data/table.ts';
import { MailQueueFull } from '#shared/email/mail-queue-full.ts';
import { abortBeforeEnd, timeLeftMs } from '#shared/time/invocation-deadline.ts';

/**
 * SES takes mail up to the account's sending rate and answers Throttling above it. Every invocation that sends
 * mail, in however many Lambda environments, takes its turn from one schedule of send slots in the table (a
 * generic cell rate algorithm: one item holds the time of the next free slot), so together they send close to
 * the rate and just under it. A cohort's mail then goes out as a steady stream instead of bursts SES refuses.
 */
const PACE_KEY = { pk: 'MAIL', sk: 'PACE' };

/** Slots are spaced a little wider than the rate allows, for clocks that differ between hosts and for network delays. */
const RATE_HEADROOM = 0.95;

/** The longest a send waits for its turn. A step whose turn is further off fails as MailQueueFull and is retried. */
export const MAX_TURN_WAIT_MS = 10_000;

/**
 * What a send needs after its turn comes: composing aside, SES's answer (retried when it throttles) and recording
 * the email as sent. A turn that would come later than this before the invocation ends is refused like one past
 * MAX_TURN_WAIT_MS: a step that sends several emails meets a full queue on its third, not its timeout.
 */
export const SEND_TIME_MS = 8_000;

const personWaiting = new AsyncLocalStorage<true>();

/**
 * Runs a request a person is waiting on (HR's API): mail it sends goes out at once, ahead of the queue, and
 * only pushes the queue back by its turn. There are few such emails, and a person should not wait for a cohort.
 */
export const whilePersonWaits = <T>(fn: () => Promise<T>): Promise<T> => personWaiting.run(true, fn);

/**
 * The latest next free slot this environment has seen. A send that knows the queue is busy queues at once instead
 * of first trying the idle update, so in a burst, as between bursts, a slot usually costs one write: a refused
 * conditional write is billed like any other.
 */
let nextSlotSeen = 0;

const takeIdleSlot = async (now: number, interval: number): Promise<boolean> => {
  const idle = await wasWritten(
    documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: PACE_KEY,
        UpdateExpression: 'SET nextSlotAt = :next',
        ConditionExpression: 'attribute_not_exists(nextSlotAt) OR nextSlotAt <= :now',
        ExpressionAttributeValues: { ':next': now + interval, ':now': now },
      }),
    ),
  );
  if (idle) nextSlotSeen = now + interval;
  return idle;
};

/**
 * Queues behind the last slot taken and returns this one's time. `busy` also asks that the queue is not idle, so
 * a turn guessed busy is never taken in the past; `latest` refuses a turn further off.
 */
const takeQueuedSlot = async (
  now: number,
  interval: number,
  limits: { busy: boolean; latest?: number },
): Promise<number> => {
  const conditions = [
    ...(limits.busy ? ['nextSlotAt > :now'] : []),
    ...(limits.latest === undefined ? [] : ['nextSlotAt <= :latest']),
  ];
  const queued = await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: PACE_KEY,
      UpdateExpression: 'SET nextSlotAt = nextSlotAt + :interval',
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeValues: {
        ':interval': interval,
        ...(limits.busy ? { ':now': now } : {}),
        ...(limits.latest === undefined ? {} : { ':latest': limits.latest }),
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  nextSlotSeen = Number(queued.Attributes?.nextSlotAt);
  return nextSlotSeen - interval;
};

/** The latest a step's turn may come: no further off than it waits, and in time to send before its invocation ends. */
const latestTurn = (now: number): number =>
  now + Math.max(0, Math.min(MAX_TURN_WAIT_MS, timeLeftMs() - SEND_TIME_MS));

const queueFull = () => new MailQueueFull('the mail queue is longer than a step waits');

/**
 * Takes the next send slot at `ratePerSecond` and returns its time (epoch ms). `wait: false` takes it whatever
 * the queue, starting now at the latest; otherwise a slot more than MAX_TURN_WAIT_MS away, or too late for the
 * send to finish within the invocation (SEND_TIME_MS), is refused.
 */
export const takeSendSlot = async (ratePerSecond: number, options: { wait: boolean }): Promise<number> => {
  const interval = 1000 / (ratePerSecond * RATE_HEADROOM);
  const now = Date.now();
  const latest = options.wait ? latestTurn(now) : undefined;
  // The next free slot only ever moves later, so a queue seen busy until after now is busy still, and one seen
  // longer than this step waits is refused without a write.
  if (latest !== undefined && nextSlotSeen > latest) throw queueFull();
  if (nextSlotSeen > now) {
    try {
      return await takeQueuedSlot(now, interval, { busy: true, latest });
    } catch (error) {
      // Grown too long since, or the item was removed: the usual order decides.
      if (!isConditionFailure(error)) throw error;
    }
  }
  if (await takeIdleSlot(now, interval)) return now;
  try {
    return await takeQueuedSlot(now, interval, { busy: false, latest });
  } catch (error) {
    if (isConditionFailure(error)) throw queueFull();
    throw error;
  }
};

/** The rate mail is paced to (`SES_MAX_SEND_RATE`), when the deployment sets one. */
const sendRate = (): number | undefined => {
  const rate = Number(process.env.SES_MAX_SEND_RATE);
  return rate > 0 ? rate : undefined;
};

/**
 * Refuses a step at once whose turn this environment already knows to be further off than it waits: in a cohort
 * most refusals are these, and they then neither claim their email nor write to the send-slot item, whose writes
 * a second are what the design's rate is bounded by (docs/performance.md). Mail a person waits on is never refused.
 */
export const refuseIfQueueKnownFull = (): void => {
  if (sendRate() === undefined || personWaiting.getStore() === true) return;
  if (nextSlotSeen > latestTurn(Date.now())) throw queueFull();
};

/** Waits for this invocation's turn to send, when the deployment sets a sending rate (`SES_MAX_SEND_RATE`). */
export const awaitSendTurn = async (): Promise<void> => {
  const rate = sendRate();
  if (rate === undefined) return;
  const waiting = personWaiting.getStore() === true;
  const slot = await takeSendSlot(rate, { wait: !waiting });
  // Stopped with its invocation: a turn slept past it would send after the step had been retried.
  if (!waiting && slot > Date.now()) await sleep(slot - Date.now(), undefined, { signal: abortBeforeEnd(0) });
};
