// Apart from the business calendar computed from them, and from the schema that checks them
// (`calendar-settings-schema.ts`), so that a function that only reads HR's settings loads neither holiday data nor
// the checks.

/** A one-off closed date; any other entry recurs every year. */
export const ONE_OFF_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Japanese companies commonly close from 29 December to 3 January (年末年始休業). */
export const DEFAULT_CALENDAR_SETTINGS = {
  closedDays: ['12-29..01-03'],
  workingHours: { from: '09:00', to: '18:00' },
};

/** The table partition of the company calendar's one item; the stack holds its writer to it. */
export const CALENDAR_PARTITION_KEY = 'SETTINGS#calendar';
