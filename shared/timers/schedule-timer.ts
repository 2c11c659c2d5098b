import type { CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { DateTime } from 'luxon';
import { getTimer, markTimerCancelled, savePendingTimer, type TimerRecord } from '#shared/data/timers.ts';
import { now } from '#shared/time/clock.ts';
import { timerTargetArn } from '#shared/timers/timer-target.ts';

const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** Schedule names are unique per group and at most 64 characters of [0-9A-Za-z-_.]. */
export const scheduleName = (journeyId: string, timerName: string): string =>
  `${journeyId}-${timerName}`.replace(/[^0-9A-Za-z._-]/g, '_').slice(0, 64);

/**
 * Every timed wait is a one-time EventBridge Scheduler schedule that calls fire-timer, rather than a Wait
 * state: a schedule can be moved later (a new start date, a moved session) and does not keep an execution
 * alive for months. The timer record is saved first so fire-timer always finds what to do.
 */
export const scheduleTimer = async (
  timer: Omit<TimerRecord, 'status' | 'at'> & { at: DateTime },
): Promise<void> => {
  // Scheduler needs a time ahead of now; a deadline that is already due fires a minute from now.
  const earliest = DateTime.fromJSDate(now()).plus({ minutes: 1 });
  const at = DateTime.max(timer.at, earliest);
  const record = { ...timer, at: at.toUTC().toISO() ?? '' };
  if (!(await savePendingTimer(record))) return;
  const input: CreateScheduleCommandInput = {
    Name: scheduleName(timer.journeyId, timer.name),
    GroupName: requiredEnv('SCHEDULE_GROUP'),
    ScheduleExpression: `at(${at.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss")})`,
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: timerTargetArn(),
      RoleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
      Input: JSON.stringify({ journeyId: timer.journeyId, timer: timer.name }),
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      // Past its retries a timer would otherwise vanish and leave its journey waiting; the queue's alarm calls
      // a person instead.
      DeadLetterConfig: { Arn: requiredEnv('TIMER_DEAD_LETTER_ARN') },
    },
  };
  const { scheduler, CreateScheduleCommand, UpdateScheduleCommand } = await import(
    '#shared/timers/scheduler-client.ts'
  );
  try {
    await scheduler.send(new CreateScheduleCommand(input));
  } catch (error) {
    // A retried step finds its schedule already there: make sure it points at the time asked for now.
    if ((error as Error).name !== 'ConflictException') throw error;
    await scheduler.send(new UpdateScheduleCommand(input));
  }
};

/** Moves a pending timer to a new time; one that already fired or was cancelled stays as it is. */
export const moveTimer = async (journeyId: string, name: string, at: DateTime): Promise<boolean> => {
  const timer = await getTimer(journeyId, name);
  if (timer?.status !== 'pending') return false;
  await scheduleTimer({ journeyId, name, action: timer.action, at });
  return true;
};

/** Cancels a pending timer: marked first, so a schedule firing meanwhile does nothing; then its schedule goes. */
export const cancelTimer = async (journeyId: string, name: string): Promise<void> => {
  await markTimerCancelled(journeyId, name);
  const { scheduler, DeleteScheduleCommand } = await import('#shared/timers/scheduler-client.ts');
  try {
    await scheduler.send(
      new DeleteScheduleCommand({
        Name: scheduleName(journeyId, name),
        GroupName: requiredEnv('SCHEDULE_GROUP'),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
};
