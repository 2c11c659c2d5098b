import { type FormRecord, listForms } from '#shared/data/forms.ts';
import { readListRange } from '#shared/data/journey-list.ts';
import { journeyStatuses } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { listTimeline } from '#shared/data/timeline.ts';
import type { ListedJourney } from '#shared/domain/journey-listing.ts';
import { isWeather } from '#shared/domain/pulse.ts';
import {
  type ReportFigures,
  type ReportForm,
  type ReportJourney,
  reportFigures,
} from '#shared/domain/report-metrics.ts';
import { type ReportPeriod, type ReportQuery, reportPeriodOf } from '#shared/domain/report-query.ts';
import { now } from '#shared/time/clock.ts';

/** Entries one list index read takes: a report reads the whole key range, so fewer, larger pages. */
const LIST_PAGE = 200;
/** Journeys whose timeline and forms are read at once: enough to overlap the round trips, not to throttle. */
const JOURNEY_READS_AT_ONCE = 8;

export interface Report extends ReportFigures {
  period: ReportPeriod;
  /** The HR contact the report is limited to, or null for every journey. */
  hr: string | null;
  generatedAt: string;
}

/** A form as a report counts it: what it is, where, and a pulse check's weather. Nothing anyone wrote. */
const reportFormOf = (form: FormRecord): ReportForm => ({
  kind: form.kind,
  status: form.status,
  role: form.recipient.role,
  round: form.round,
  followUp: form.followUp,
  check: form.check,
  weather: form.kind === 'pulse' && isWeather(form.answers?.answer) ? form.answers.answer : undefined,
});

const readJourneyFacts = async (journey: ListedJourney): Promise<ReportJourney> => {
  const [timeline, forms] = await Promise.all([
    listTimeline(journey.journeyId),
    listForms(journey.journeyId),
  ]);
  return {
    phase: journey.phase,
    status: journey.status,
    startDate: journey.hire.startDate,
    timezone: journey.hire.timezone,
    rounds: journey.rounds ?? [],
    timeline,
    forms: forms.map(reportFormOf),
  };
};

const inTurns = async <T, R>(items: T[], atOnce: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return results;
};

/**
 * The journeys starting in the period (and of the HR contact asked for): one key range of the list index per
 * status, read with Query page after page, never Scan.
 */
const journeysStartingIn = async (period: ReportPeriod, hr: string | undefined): Promise<ListedJourney[]> => {
  // `listSk` is `<startDate>#<journeyId>`: '~' sorts after every journey id of the last day.
  const range = { from: period.from, to: `${period.to}#~` };
  const perStatus = await Promise.all(
    journeyStatuses.map(async (status) => {
      const found: ListedJourney[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await readListRange({ status, ...range }, { hr }, LIST_PAGE, startKey);
        found.push(...page.items);
        startKey = page.next;
      } while (startKey);
      return found;
    }),
  );
  return perStatus.flat();
};

/** A report on the journeys whose start date falls in the period asked for: counts and rates only. */
export const buildReport = async (query: ReportQuery): Promise<Report> => {
  const period = reportPeriodOf(query);
  const at = now();
  const generatedAt = at.toISOString();
  const [listed, calendar] = await Promise.all([journeysStartingIn(period, query.hr), loadCompanyCalendar()]);
  const journeys = await inTurns(listed, JOURNEY_READS_AT_ONCE, readJourneyFacts);
  return { period, hr: query.hr ?? null, generatedAt, ...reportFigures(journeys, calendar, at) };
};
