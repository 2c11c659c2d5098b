import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documents, tableName } from '#shared/data/table.ts';
import {
  CALENDAR_PARTITION_KEY,
  type CalendarSettings,
  calendarSettingsSchema,
  DEFAULT_CALENDAR_SETTINGS,
} from '#shared/domain/calendar-settings.ts';

/** One item for the whole company: HR changes it as data, without a deploy. */
const calendarKey = { pk: CALENDAR_PARTITION_KEY, sk: 'SETTINGS' };

/** The calendar HR set, or the default (closed 12/29 to 1/3, 09:00 to 18:00) when it was never set. */
export const getCalendarSettings = async (): Promise<CalendarSettings> => {
  const result = await documents.send(
    new GetCommand({ TableName: tableName(), Key: calendarKey, ConsistentRead: true }),
  );
  if (!result.Item) return DEFAULT_CALENDAR_SETTINGS;
  return calendarSettingsSchema.parse({
    closedDays: result.Item.closedDays,
    workingHours: result.Item.workingHours,
  });
};

export const putCalendarSettings = async (settings: CalendarSettings, at: Date): Promise<void> => {
  await documents.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...calendarKey, type: 'settings', ...settings, updatedAt: at.toISOString() },
    }),
  );
};
