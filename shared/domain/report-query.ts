import { DateTime } from 'luxon';
import * as z from 'zod';
import { START_MONTH } from '#shared/domain/journey-list-query.ts';
import { hrFilterSchema } from '#shared/domain/page-query.ts';

/**
 * The longest period one report covers. A year holds a yearly intake (new graduates start in April) and every
 * month-to-month comparison HR makes, while one request still reads a bounded number of journeys: each is a
 * few Queries, all inside one API call's time limit.
 */
export const MAX_REPORT_MONTHS = 12;

export const reportFormats = ['json', 'csv'] as const;

const UTC = { zone: 'utc' };

const day = z.string().trim().pipe(z.iso.date('must be a date like 2027-04-01'));

/**
 * `GET /reports` query parameters: a period of start dates, `from` and `to` (both included) or one
 * `startMonth` (a cohort), optionally one HR contact's journeys only, as JSON or CSV.
 */
export const reportQuerySchema = z
  .object({
    from: day.optional().describe('First start date of the period (with `to`)'),
    to: day.optional().describe('Last start date of the period, included (with `from`)'),
    startMonth: z
      .string()
      .trim()
      .regex(START_MONTH, 'must be a month like 2027-04')
      .optional()
      .describe('A start month (a cohort), instead of `from` and `to`'),
    hr: hrFilterSchema.optional().describe("Only this HR contact's journeys"),
    format: z
      .enum(reportFormats, { error: 'must be json or csv' })
      .default('json')
      .describe('csv: the same figures as a CSV file'),
  })
  .superRefine((query, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (query.startMonth !== undefined) {
      if (query.from !== undefined) problem('from', 'give either from and to, or startMonth');
      if (query.to !== undefined) problem('to', 'give either from and to, or startMonth');
      return;
    }
    if (query.from === undefined) problem('from', 'required, with to (or give startMonth)');
    if (query.to === undefined) problem('to', 'required, with from (or give startMonth)');
    if (query.from === undefined || query.to === undefined) return;
    if (query.to < query.from) problem('to', 'must not be before from');
    else if (
      DateTime.fromISO(query.to, UTC) >= DateTime.fromISO(query.from, UTC).plus({ months: MAX_REPORT_MONTHS })
    ) {
      problem('to', `the period is at most ${MAX_REPORT_MONTHS} months`);
    }
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

export interface ReportPeriod {
  /** First start date, included. */
  from: string;
  /** Last start date, included. */
  to: string;
}

/** The start dates a valid query covers: a start month is its first to its last day. */
export const reportPeriodOf = (query: ReportQuery): ReportPeriod => {
  if (query.startMonth === undefined) return { from: query.from ?? '', to: query.to ?? '' };
  const month = DateTime.fromISO(`${query.startMonth}-01`, UTC);
  return { from: month.toISODate() ?? '', to: month.endOf('month').toISODate() ?? '' };
};
