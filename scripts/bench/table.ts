import type { Figure } from './figure.ts';

/** How far a figure is from its target: value over target, so 1 is exactly on it. */
export const ratioOf = (figure: Figure): number =>
  figure.target === 0 ? Number.NaN : figure.value / figure.target;

export const isMet = (figure: Figure): boolean =>
  figure.better === 'lower' ? figure.value <= figure.target : figure.value >= figure.target;

/** Four significant digits at most, without an exponent: cents and milliseconds alike stay readable. */
export const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value))));
  return value
    .toFixed(Math.min(digits, 8))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
};

const withUnit = (value: number, unit: string): string =>
  unit === 'USD' ? `$${formatNumber(value)}` : `${formatNumber(value)} ${unit}`.trim();

/** The benchmark's table, as Markdown, so it reads in a terminal and pastes into docs/performance.md as is. */
export const formatTable = (figures: Figure[]): string => {
  const rows = figures.map((figure) => [
    figure.figure,
    withUnit(figure.value, figure.unit),
    `${figure.better === 'lower' ? '≤' : '≥'} ${withUnit(figure.target, figure.unit)}`,
    formatNumber(ratioOf(figure)),
    isMet(figure) ? 'yes' : 'no',
  ]);
  const header = ['figure', 'value', 'target', 'ratio', 'met'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
};

/** Each figure's details and note, under the table. */
export const formatDetails = (figures: Figure[]): string =>
  figures
    .filter((figure) => figure.details || figure.note)
    .map((figure) => {
      const details = Object.entries(figure.details ?? {}).map(
        ([name, value]) => `  - ${name}: ${typeof value === 'number' ? formatNumber(value) : value}`,
      );
      return [`${figure.figure}${figure.note ? `: ${figure.note}` : ''}`, ...details].join('\n');
    })
    .join('\n');
