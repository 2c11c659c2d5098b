import { describe, expect, it } from 'vitest';
import { reportPeriodOf, reportQuerySchema } from '#shared/domain/report-query.ts';

const parse = (query: Record<string, string>) => reportQuerySchema.safeParse(query);
const errors = (query: Record<string, string>) => {
  const result = parse(query);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the report query', () => {
  it('takes a start month, or a period from and to, as JSON unless CSV is asked for', () => {
    const month = parse({ startMonth: '2027-02', hr: ' Aya.Sato@Example.co.jp ' });
    expect(month.data).toEqual({ startMonth: '2027-02', hr: 'aya.sato@example.co.jp', format: 'json' });
    expect(reportPeriodOf(month.data ?? { format: 'json' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(reportPeriodOf({ startMonth: '2028-02', format: 'json' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    const period = parse({ from: '2027-04-01', to: '2028-03-31', format: 'csv' });
    expect(period.data).toEqual({ from: '2027-04-01', to: '2028-03-31', format: 'csv' });
    expect(reportPeriodOf(period.data ?? { format: 'json' })).toEqual({
      from: '2027-04-01',
      to: '2028-03-31',
    });
  });

  it('answers a message per field for anything else', () => {
    expect(errors({})).toEqual({
      from: 'required, with to (or give startMonth)',
      to: 'required, with from (or give startMonth)',
    });
    expect(errors({ from: '2027-04-01' })).toEqual({ to: 'required, with from (or give startMonth)' });
    expect(errors({ startMonth: '2027-04', to: '2027-04-30' })).toEqual({
      to: 'give either from and to, or startMonth',
    });
    expect(errors({ startMonth: '2027-4' })).toEqual({ startMonth: 'must be a month like 2027-04' });
    expect(errors({ from: '2027-02-29', to: '2027-03-31' })).toEqual({
      from: 'must be a date like 2027-04-01',
    });
    expect(errors({ from: '2027-04-02', to: '2027-04-01' })).toEqual({ to: 'must not be before from' });
    expect(errors({ from: '2027-04-01', to: '2028-04-01' })).toEqual({
      to: 'the period is at most 12 months',
    });
    expect(errors({ startMonth: '2027-04', format: 'xlsx', hr: 'someone' })).toEqual({
      format: 'must be json or csv',
      hr: 'must be the HR contact’s email address',
    });
  });
});
