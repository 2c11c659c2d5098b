import { html, type SafeHtml } from '#shared/html/escape.ts';

export interface LevelChartInput {
  /** Unique on the page: the chart's title is referenced by it. */
  id: string;
  /** What a screen reader reads for the whole chart, the points included. */
  title: string;
  /** The scale down the side, top first. */
  levels: readonly { key: string; label: string }[];
  /** In order along the bottom. */
  points: readonly { level: string; label: string }[];
  /** How a point is drawn; a plain dot by default. */
  mark?: (level: string, x: number, y: number) => SafeHtml;
  /** Room for the scale's labels, wider for labels in two languages. */
  labelWidth?: number;
}

const CHART_WIDTH = 440;
const ROW = 40;
const TOP = 24;
// Room for the scale's labels on the left (by default), and for half a mark at either end of the series.
const LABEL_WIDTH = 120;
const RIGHT = 32;
const BOTTOM = 48;

const dot = (_level: string, x: number, y: number): SafeHtml =>
  html`<circle cx="${x}" cy="${y}" r="9" fill="#2f6f8f"/>`;

/**
 * Answers over time as a small SVG: the scale down the side, one mark per answer, joined by a line. No numbers and
 * no colours that say "good" or "bad": only where each answer sat.
 */
export const levelChart = (input: LevelChartInput): SafeHtml => {
  const { levels, points } = input;
  const LEFT = input.labelWidth ?? LABEL_WIDTH;
  const mark = input.mark ?? dot;
  const WIDTH = CHART_WIDTH + LEFT;
  const height = TOP + ROW * (levels.length - 1) + BOTTOM;
  const span = WIDTH - LEFT - RIGHT;
  const x = (index: number) =>
    points.length === 1 ? LEFT + span / 2 : LEFT + (span * index) / (points.length - 1);
  const y = (level: string) =>
    TOP +
    ROW *
      Math.max(
        0,
        levels.findIndex((row) => row.key === level),
      );
  const line = points.map((point, index) => `${x(index)},${y(point.level)}`).join(' ');
  return html`<svg class="pulse-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${input.id}-title">
<title id="${input.id}-title">${input.title}</title>
${levels.map(
  (level) =>
    html`<line x1="${LEFT - 24}" y1="${y(level.key)}" x2="${WIDTH - RIGHT + 16}" y2="${y(level.key)}" stroke="#e4e4e0" stroke-width="1"/>
<text x="${LEFT - 32}" y="${y(level.key) + 5}" text-anchor="end" font-size="14" fill="#555555">${level.label}</text>
`,
)}${points.length > 1 && html`<polyline points="${line}" fill="none" stroke="#8fb3c4" stroke-width="2"/>`}
${points.map(
  (point, index) =>
    html`${mark(point.level, x(index), y(point.level))}
<text x="${x(index)}" y="${height - 8}" text-anchor="middle" font-size="13" fill="#555555">${point.label}</text>
`,
)}</svg>`;
};
