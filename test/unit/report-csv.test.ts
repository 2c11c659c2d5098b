import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '#shared/domain/company-calendar.ts';
import { csvField, reportCsv, reportCsvFilename } from '#shared/domain/report-csv.ts';
import { reportFigures } from '#shared/domain/report-metrics.ts';

/** A small RFC 4180 reader, to check that what `csvField` writes reads back as it was. */
const readRow = (line: string): string[] => {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      field += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  return [...fields, field];
};

describe('the report as CSV', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('offers.accepted')).toBe('offers.accepted');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('reads back every field as written', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (fields) => {
        expect(readRow(fields.map(csvField).join(','))).toEqual(fields);
      }),
    );
  });

  it('writes a byte order mark, one header row and a row per figure, rates with no denominator empty', () => {
    const text = reportCsv(reportFigures([], DEFAULT_CALENDAR, new Date('2027-04-01T00:00:00Z')));
    expect(text.startsWith('\uFEFFmetric,group,value\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1).map(readRow);
    expect(rows).toContainEqual(['offers.made', 'all', '0']);
    expect(rows).toContainEqual(['offers.acceptance_rate', 'all', '']);
    expect(rows).toContainEqual(['alerts.raised', 'pulse', '0']);
    expect(rows).toContainEqual(['alerts.median_hours_to_handle', 'all', '']);
    for (const row of rows) expect(row).toHaveLength(3);
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  it('names the file after its period', () => {
    expect(reportCsvFilename({ from: '2027-04-01', to: '2027-04-30' })).toBe(
      'report-2027-04-01-to-2027-04-30.csv',
    );
  });
});
