import { getCalendarSettings } from '#shared/data/company-calendar.ts';
import { type BusinessCalendar, businessCalendar } from '#shared/domain/company-calendar.ts';

/**
 * The calendar schedules are computed with, read once per invocation: a change applies to what is computed
 * after it, and leaves schedules already made as they are.
 */
export const loadCompanyCalendar = async (): Promise<BusinessCalendar> =>
  businessCalendar(await getCalendarSettings());
