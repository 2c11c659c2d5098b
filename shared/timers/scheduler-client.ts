import { SchedulerClient } from '@aws-sdk/client-scheduler';

export {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';

/**
 * Imported with the first schedule a function creates, moves or deletes (`shared/timers/schedule-timer.ts`), and
 * created once per container: of the console's actions only moving, pausing or ending a journey touch its
 * schedules.
 */
export const scheduler = new SchedulerClient({});
