import { conditions } from '#shared/domain/form-fields.ts';
import { weathers } from '#shared/domain/pulse.ts';
import type { ReportFigures } from '#shared/domain/report-metrics.ts';
import type { ReportPeriod } from '#shared/domain/report-query.ts';

type Value = number | null;
type Row = [metric: string, group: string, value: Value];

/** Excel (Japanese Windows above all) reads a file without it as Shift_JIS. */
const BYTE_ORDER_MARK = '\uFEFF';

export const REPORT_CSV_HEADER = ['metric', 'group', 'value'] as const;

/** One field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Every figure as one row `metric,group,value` (long form): a spreadsheet pivots it by metric and group.
 * `group` is `all`, a role, a source, `round-<n>`, `check-<n>` or `start-<YYYY-MM>`; a rate with nothing to count
 * over is empty, and so is retention at a horizon the start month has not reached yet.
 */
export const reportRows = (report: ReportFigures): Row[] => {
  const { offers, rounds, prep, alerts, pulse } = report;
  return [
    ['journeys', 'all', report.journeys],
    ['offers.made', 'all', offers.made],
    ['offers.accepted', 'all', offers.accepted],
    ['offers.declined', 'all', offers.declined],
    ['offers.lapsed', 'all', offers.lapsed],
    ['offers.no_decision', 'all', offers.noDecision],
    ['offers.acceptance_rate', 'all', offers.acceptanceRate],
    ['rounds.due', 'all', rounds.due],
    ['rounds.held_on_time', 'all', rounds.heldOnTime],
    ['rounds.on_time_rate', 'all', rounds.onTimeRate],
    ...rounds.byRound.flatMap(
      ({ round, due, heldOnTime, onTimeRate, conditions: counts, prep: roundPrep }): Row[] => {
        const group = `round-${round}`;
        return [
          ['rounds.due', group, due],
          ['rounds.held_on_time', group, heldOnTime],
          ['rounds.on_time_rate', group, onTimeRate],
          ...conditions.map((condition): Row => [`conditions.${condition}`, group, counts[condition]]),
          ['conditions.not_recorded', group, counts.notRecorded],
          ['prep.closed', group, roundPrep.closed],
          ['prep.submitted', group, roundPrep.submitted],
          ['prep.response_rate', group, roundPrep.responseRate],
        ];
      },
    ),
    ['prep.closed', 'all', prep.closed],
    ['prep.submitted', 'all', prep.submitted],
    ['prep.response_rate', 'all', prep.responseRate],
    ...prep.byRole.flatMap(({ role, closed, submitted, responseRate }): Row[] => [
      ['prep.closed', role, closed],
      ['prep.submitted', role, submitted],
      ['prep.response_rate', role, responseRate],
    ]),
    ['alerts.raised', 'all', alerts.raised],
    ...Object.entries(alerts.bySource).map(([source, raised]): Row => ['alerts.raised', source, raised]),
    ['alerts.handled', 'all', alerts.handled],
    ['alerts.open', 'all', alerts.open],
    ['alerts.median_hours_to_handle', 'all', alerts.medianHoursToHandle],
    ['pulse.answered', 'all', pulse.answered],
    ['pulse.unanswered', 'all', pulse.unanswered],
    ...pulse.byCheck.flatMap(({ check, answers, unanswered }): Row[] => [
      ...weathers.map((weather): Row => [`pulse.${weather}`, `check-${check}`, answers[weather]]),
      ['pulse.unanswered', `check-${check}`, unanswered],
    ]),
    ...report.retention.byStartMonth.flatMap(({ startMonth, started, after }): Row[] => [
      ['retention.started', `start-${startMonth}`, started],
      ...after.flatMap(({ months, stayed, retentionRate }): Row[] => [
        [`retention.stayed_${months}_months`, `start-${startMonth}`, stayed],
        [`retention.rate_${months}_months`, `start-${startMonth}`, retentionRate],
      ]),
    ]),
  ];
};

/** The report as a CSV file: UTF-8 with a byte order mark, CRLF line ends, one header row. */
export const reportCsv = (report: ReportFigures): string =>
  BYTE_ORDER_MARK +
  [REPORT_CSV_HEADER, ...reportRows(report)].map((row) => row.map(csvField).join(',')).join('\r\n') +
  '\r\n';

export const reportCsvFilename = (period: ReportPeriod): string =>
  `report-${period.from}-to-${period.to}.csv`;
