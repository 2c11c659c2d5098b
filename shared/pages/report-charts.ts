import { conditionLabels } from '#shared/domain/form-fields.ts';
import type { Locale } from '#shared/domain/locale.ts';
import { weatherLabels, weathers } from '#shared/domain/pulse.ts';
import { type Rate, type ReportFigures, retentionMonths } from '#shared/domain/report-metrics.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';

interface ChartCopy {
  offers: string;
  offerOutcomes: { accepted: string; declined: string; lapsed: string; noDecision: string };
  acceptanceRate: string;
  rounds: string;
  onTime: string;
  prepAnswered: string;
  due: string;
  conditions: string;
  notRecorded: string;
  pulse: string;
  unanswered: string;
  alerts: string;
  sources: Record<string, string>;
  handled: string;
  open: string;
  medianToHandle: string;
  hours: (hours: number) => string;
  retention: string;
  startMonth: string;
  started: string;
  monthsAfter: (months: number) => string;
  notYet: string;
  month: (startMonth: string) => string;
  round: (round: number) => string;
  check: (check: number) => string;
  count: string;
  none: string;
  noData: string;
  summary: (parts: string[]) => string;
}

const copy: Record<Locale, ChartCopy> = {
  ja: {
    offers: 'オファーの結果',
    offerOutcomes: { accepted: '承諾', declined: '辞退', lapsed: '期限切れ', noDecision: '未決定' },
    acceptanceRate: '承諾率（承諾・辞退・期限切れのうち承諾）',
    rounds: '面談の実施と準備フォームの回答',
    onTime: '予定どおり実施',
    prepAnswered: '準備フォーム回答率',
    due: '対象の面談',
    conditions: '面談ごとのコンディション',
    notRecorded: '記録なし',
    pulse: 'パルスチェックの回答',
    unanswered: '未回答',
    alerts: 'アラート',
    sources: { manager: '上司', mentor: 'メンター', session: '人事面談', pulse: 'パルスチェック' },
    handled: '対応済み',
    open: '未対応',
    medianToHandle: '対応までの時間（中央値）',
    hours: (hours) => `${hours}時間`,
    retention: '入社月別の定着（入社から3・6・12か月後も在籍している人）',
    startMonth: '入社月',
    started: '入社',
    monthsAfter: (months) => `${months}か月後`,
    notYet: 'まだ',
    month: (startMonth) => `${Number(startMonth.slice(0, 4))}年${Number(startMonth.slice(5))}月`,
    round: (round) => `第${round}回`,
    check: (check) => `${check}回目`,
    count: '件数',
    none: '—',
    noData: 'この期間の対象はまだありません。',
    summary: (parts) => parts.join('、'),
  },
  en: {
    offers: 'Offer outcomes',
    offerOutcomes: {
      accepted: 'Accepted',
      declined: 'Declined',
      lapsed: 'Lapsed',
      noDecision: 'No decision',
    },
    acceptanceRate: 'Acceptance rate (accepted of accepted, declined and lapsed)',
    rounds: 'Rounds held on time and prep answered',
    onTime: 'Held on time',
    prepAnswered: 'Prep response rate',
    due: 'Rounds due',
    conditions: 'Condition per round',
    notRecorded: 'Not recorded',
    pulse: 'Pulse answers',
    unanswered: 'Unanswered',
    alerts: 'Alerts',
    sources: { manager: 'Manager', mentor: 'Mentor', session: 'HR 1on1', pulse: 'Pulse check' },
    handled: 'Handled',
    open: 'Open',
    medianToHandle: 'Time to handle (median)',
    hours: (hours) => `${hours} h`,
    retention: 'Retention by start month (still with the company 3, 6 and 12 months after starting)',
    startMonth: 'Start month',
    started: 'Started',
    monthsAfter: (months) => `After ${months} months`,
    notYet: 'Not yet',
    month: (startMonth) => startMonth,
    round: (round) => `Round ${round}`,
    check: (check) => `Check ${check}`,
    count: 'Count',
    none: '—',
    noData: 'Nothing to show for this period yet.',
    summary: (parts) => parts.join(', '),
  },
};

interface Series {
  label: string;
  fill: string;
  /** The colour of a number written on this fill: dark on light fills, white on dark ones. */
  ink: string;
}

interface Row<Value> {
  label: string;
  values: Value[];
}

// A viewBox the width of a phone's column of text; the SVG scales to its container (`width="100%"`).
const WIDTH = 360;
const LEFT = 84;
const RIGHT = 12;
const BAR = 22;
const GAP = 10;
const LEGEND_ROW = 22;
const LEGEND_COLUMNS = 3;
const PLOT = WIDTH - LEFT - RIGHT;
const TEXT = '#222222';
const MUTED = '#555555';

const percent = (value: Rate, text: ChartCopy): string =>
  value === null ? text.none : `${Math.round(value * 1000) / 10}%`;

/** The series' swatches and names under a chart, three to a line. */
const legend = (series: Series[], top: number): SafeHtml =>
  html`${series.map((item, index) => {
    const x = (index % LEGEND_COLUMNS) * ((WIDTH - 8) / LEGEND_COLUMNS) + 4;
    const y = top + Math.floor(index / LEGEND_COLUMNS) * LEGEND_ROW;
    return html`<rect x="${x}" y="${y}" width="14" height="14" fill="${item.fill}" stroke="#888888" stroke-width="0.5"/>
<text x="${x + 20}" y="${y + 12}" font-size="12" fill="${TEXT}">${item.label}</text>
`;
  })}`;

const legendHeight = (series: Series[]) => Math.ceil(series.length / LEGEND_COLUMNS) * LEGEND_ROW;

const svgFrame = (id: string, title: string, summary: string, height: number, body: SafeHtml): SafeHtml =>
  html`<svg class="report-chart" width="100%" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${summary}</desc>
${body}</svg>`;

/**
 * One horizontal bar per row, its parts stacked in the order of `series`, all on one scale (the largest row
 * fills the width) so rows compare by size. A part wide enough shows its count.
 */
const stackedBars = (id: string, title: string, rows: Row<number>[], series: Series[], summary: string) => {
  const largest = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const legendTop = rows.length * (BAR + GAP) + 8;
  const bars = rows.map((row, index) => {
    const y = index * (BAR + GAP) + 4;
    let x = LEFT;
    const parts = row.values.map((value, part) => {
      const width = (value / largest) * PLOT;
      const item = series[part] ?? { fill: MUTED, ink: '#ffffff', label: '' };
      const at = x;
      x += width;
      return (
        value > 0 &&
        html`<rect x="${at}" y="${y}" width="${width}" height="${BAR}" fill="${item.fill}"/>
${width >= 16 && html`<text x="${at + width / 2}" y="${y + 15}" text-anchor="middle" font-size="12" fill="${item.ink}">${value}</text>`}
`
      );
    });
    return html`<text x="${LEFT - 6}" y="${y + 15}" text-anchor="end" font-size="12" fill="${TEXT}">${row.label}</text>
<line x1="${LEFT}" y1="${y - 2}" x2="${LEFT}" y2="${y + BAR + 2}" stroke="#999999" stroke-width="1"/>
${parts}`;
  });
  return svgFrame(
    id,
    title,
    summary,
    legendTop + legendHeight(series),
    html`${bars}${legend(series, legendTop)}`,
  );
};

/** Rates from 0 to 100%: for each row one bar per series, side by side, each labelled with its share. */
const rateBars = (
  id: string,
  title: string,
  rows: Row<Rate>[],
  series: Series[],
  summary: string,
  text: ChartCopy,
) => {
  const group = series.length * BAR + GAP * 1.5;
  const legendTop = rows.length * group + 22;
  const bars = rows.map((row, index) => {
    const top = index * group + 4;
    return html`<text x="${LEFT - 6}" y="${top + (series.length * BAR) / 2 + 4}" text-anchor="end" font-size="12" fill="${TEXT}">${row.label}</text>
${row.values.map((value, part) => {
  const y = top + part * BAR;
  const width = (value ?? 0) * PLOT;
  const item = series[part] ?? { fill: MUTED, ink: TEXT, label: '' };
  return html`<rect x="${LEFT}" y="${y + 2}" width="${width}" height="${BAR - 4}" fill="${item.fill}"/>
${
  // A long bar carries its share inside its end, in the bar's ink; a short one just after it.
  width > PLOT - 44
    ? html`<text x="${LEFT + width - 4}" y="${y + 15}" text-anchor="end" font-size="11" fill="${item.ink}">${percent(value, text)}</text>`
    : html`<text x="${LEFT + width + 4}" y="${y + 15}" font-size="11" fill="${TEXT}">${percent(value, text)}</text>`
}
`;
})}`;
  });
  const axis = rows.length * group + 4;
  return svgFrame(
    id,
    title,
    summary,
    legendTop + legendHeight(series),
    html`${bars}<line x1="${LEFT}" y1="0" x2="${LEFT}" y2="${axis}" stroke="#999999" stroke-width="1"/>
<line x1="${LEFT + PLOT}" y1="0" x2="${LEFT + PLOT}" y2="${axis}" stroke="#dddddd" stroke-width="1"/>
<text x="${LEFT}" y="${axis + 12}" font-size="10" fill="${MUTED}">0%</text>
<text x="${LEFT + PLOT}" y="${axis + 12}" text-anchor="end" font-size="10" fill="${MUTED}">100%</text>
${legend(series, legendTop)}`,
  );
};

/** The same numbers as a table, for screen readers and anyone who wants the figures themselves. */
const table = (caption: string, head: string[], rows: (string | number)[][]): SafeHtml =>
  // A wide table scrolls inside its own box (by keyboard too), so the page never scrolls sideways on a phone.
  html`<div class="report-table" role="region" aria-label="${caption}" tabindex="0"><table class="report-figures">
<caption>${caption}</caption>
<thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>
${rows.map(
  ([
    first,
    ...rest
  ]) => html`<tr><th scope="row">${first}</th>${rest.map((cell) => html`<td>${cell}</td>`)}</tr>
`,
)}</tbody>
</table></div>`;

const section = (heading: string, ...content: SafeHtml[]): SafeHtml =>
  html`<section class="report-section">
<h2>${heading}</h2>
${content}
</section>
`;

const offerSeries = (text: ChartCopy): Series[] => [
  { label: text.offerOutcomes.accepted, fill: '#2f6f8f', ink: '#ffffff' },
  { label: text.offerOutcomes.declined, fill: '#d9a066', ink: TEXT },
  { label: text.offerOutcomes.lapsed, fill: '#a6a6a6', ink: TEXT },
  { label: text.offerOutcomes.noDecision, fill: '#e4e4e0', ink: TEXT },
];

const conditionSeries = (locale: Locale, text: ChartCopy): Series[] => [
  { label: conditionLabels[locale].good, fill: '#6aa77f', ink: TEXT },
  { label: conditionLabels[locale].watch, fill: '#e8c25a', ink: TEXT },
  { label: conditionLabels[locale].alert, fill: '#b9473f', ink: '#ffffff' },
  { label: text.notRecorded, fill: '#d4d4d0', ink: TEXT },
];

// The weather scale in its own cool-to-warm colours, never "good" green and "bad" red: an answer is not a grade.
const weatherFills: Record<(typeof weathers)[number], [string, string]> = {
  sunny: ['#f2c14e', TEXT],
  fair: ['#f6dd9a', TEXT],
  cloudy: ['#c9d1d8', TEXT],
  rainy: ['#7fa3c4', TEXT],
  stormy: ['#3d5a80', '#ffffff'],
};

const offersChart = (figures: ReportFigures, text: ChartCopy): SafeHtml => {
  const { offers } = figures;
  const counts = [offers.accepted, offers.declined, offers.lapsed, offers.noDecision];
  const series = offerSeries(text);
  const named = series.map((item, index) => `${item.label} ${counts[index]}`);
  return section(
    text.offers,
    stackedBars(
      'report-offers',
      text.offers,
      [{ label: text.count, values: counts }],
      series,
      text.summary(named),
    ),
    html`<p class="meta">${text.acceptanceRate}: ${percent(offers.acceptanceRate, text)}</p>`,
    table(
      text.offers,
      ['', text.count],
      series.map((item, index) => [item.label, counts[index] ?? 0]),
    ),
  );
};

const roundsChart = (figures: ReportFigures, text: ChartCopy): SafeHtml => {
  const { byRound } = figures.rounds;
  const series: Series[] = [
    { label: text.onTime, fill: '#2f6f8f', ink: '#ffffff' },
    { label: text.prepAnswered, fill: '#8fb3c4', ink: TEXT },
  ];
  const summary = byRound.map(
    (round) =>
      `${text.round(round.round)} ${text.onTime} ${percent(round.onTimeRate, text)} ${text.prepAnswered} ${percent(round.prep.responseRate, text)}`,
  );
  return section(
    text.rounds,
    rateBars(
      'report-rounds',
      text.rounds,
      byRound.map((round) => ({
        label: text.round(round.round),
        values: [round.onTimeRate, round.prep.responseRate],
      })),
      series,
      text.summary(summary),
      text,
    ),
    table(
      text.rounds,
      ['', text.due, text.onTime, text.prepAnswered],
      byRound.map((round) => [
        text.round(round.round),
        round.due,
        `${round.heldOnTime} (${percent(round.onTimeRate, text)})`,
        `${round.prep.submitted}/${round.prep.closed} (${percent(round.prep.responseRate, text)})`,
      ]),
    ),
  );
};

const conditionsChart = (figures: ReportFigures, locale: Locale, text: ChartCopy): SafeHtml => {
  const series = conditionSeries(locale, text);
  const rows = figures.rounds.byRound.map((round) => ({
    label: text.round(round.round),
    values: [
      round.conditions.good,
      round.conditions.watch,
      round.conditions.alert,
      round.conditions.notRecorded,
    ],
  }));
  const summary = rows.map(
    (row) =>
      `${row.label}: ${row.values.map((value, index) => `${series[index]?.label} ${value}`).join(' ')}`,
  );
  return section(
    text.conditions,
    stackedBars('report-conditions', text.conditions, rows, series, text.summary(summary)),
    table(
      text.conditions,
      ['', ...series.map((item) => item.label)],
      rows.map((row) => [row.label, ...row.values]),
    ),
  );
};

const pulseChart = (figures: ReportFigures, locale: Locale, text: ChartCopy): SafeHtml => {
  const series: Series[] = weathers.map((weather) => ({
    label: weatherLabels[locale][weather],
    fill: weatherFills[weather][0],
    ink: weatherFills[weather][1],
  }));
  const rows = figures.pulse.byCheck.map((check) => ({
    label: text.check(check.check),
    values: weathers.map((weather) => check.answers[weather]),
  }));
  const summary = rows.map(
    (row) =>
      `${row.label}: ${row.values.map((value, index) => `${series[index]?.label} ${value}`).join(' ')}`,
  );
  return section(
    text.pulse,
    stackedBars('report-pulse', text.pulse, rows, series, text.summary(summary)),
    table(
      text.pulse,
      ['', ...series.map((item) => item.label), text.unanswered],
      figures.pulse.byCheck.map((check, index) => [
        rows[index]?.label ?? '',
        ...weathers.map((weather) => check.answers[weather]),
        check.unanswered,
      ]),
    ),
  );
};

const alertsTable = (figures: ReportFigures, text: ChartCopy): SafeHtml => {
  const { alerts } = figures;
  const median = alerts.medianHoursToHandle;
  return section(
    text.alerts,
    table(
      text.alerts,
      ['', text.count],
      [
        ...Object.entries(alerts.bySource).map(([source, raised]) => [
          text.sources[source] ?? source,
          raised,
        ]),
        [text.handled, alerts.handled],
        [text.open, alerts.open],
        [text.medianToHandle, median === null ? text.none : text.hours(median)],
      ],
    ),
  );
};

/** Each start month's hires still there after 3, 6 and 12 months; a horizon not reached yet says so. */
const retentionTable = (figures: ReportFigures, text: ChartCopy): SafeHtml =>
  section(
    text.retention,
    table(
      text.retention,
      [text.startMonth, text.started, ...retentionMonths.map(text.monthsAfter)],
      figures.retention.byStartMonth.map(({ startMonth, started, after }) => [
        text.month(startMonth),
        started,
        ...after.map(({ stayed, retentionRate }) =>
          stayed === null ? text.notYet : `${stayed}/${started} (${percent(retentionRate, text)})`,
        ),
      ]),
    ),
  );

/**
 * A report's figures as charts drawn on the server: SVG with presentation attributes only (no script, no style
 * attribute, so the pages' CSP holds), each titled and described for screen readers and followed by its numbers
 * in a table. Counts and rates only, as the report itself.
 */
export const reportCharts = (figures: ReportFigures, locale: Locale = 'ja'): SafeHtml => {
  const text = copy[locale];
  if (figures.journeys === 0) return html`<p>${text.noData}</p>`;
  return html`${offersChart(figures, text)}${figures.rounds.byRound.length > 0 && roundsChart(figures, text)}${
    figures.rounds.byRound.length > 0 && conditionsChart(figures, locale, text)
  }${figures.pulse.byCheck.length > 0 && pulseChart(figures, locale, text)}${alertsTable(figures, text)}${
    figures.retention.byStartMonth.length > 0 && retentionTable(figures, text)
  }`;
};
