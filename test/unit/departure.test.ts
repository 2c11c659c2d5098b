import { describe, expect, it } from 'vitest';
import { departureSchema, sameDeparture, stillEmployed } from '#shared/domain/departure.ts';
import { departureSchemaFor } from '#shared/domain/departure-date.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { HttpError } from '#shared/http/http-error.ts';
import { recordDepartureRequest } from '#shared/journeys/record-departure-request.ts';

const forJourney = departureSchemaFor({ startDate: '2027-04-01', today: '2027-08-10' });
const errorsOf = (body: unknown) => {
  const result = forJourney.safeParse(body);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe('a departure', () => {
  it('is a last day and one of the reason categories HR records a separation under', () => {
    expect(forJourney.parse({ on: '2027-08-31', reason: 'voluntary' })).toEqual({
      on: '2027-08-31',
      reason: 'voluntary',
    });
    for (const reason of ['company', 'contract-end', 'other'])
      expect(forJourney.safeParse({ on: '2027-08-31', reason }).success).toBe(true);
  });

  it('names each bad field, and takes no free text', () => {
    expect(errorsOf({ on: '31/08/2027', reason: 'fired' })).toEqual({
      on: 'must be a date like 2027-04-01',
      reason: 'must be one of voluntary, company, contract-end, other',
    });
    expect(errorsOf({})).toEqual({
      on: 'must be a date like 2027-04-01',
      reason: 'must be one of voluntary, company, contract-end, other',
    });
    expect(errorsOf({ on: '2027-08-31', reason: 'voluntary', note: 'moving abroad' })).toEqual({
      '(body)': expect.stringContaining('note'),
    });
  });

  it('is on the start date at the earliest, and a year from today at the latest', () => {
    expect(errorsOf({ on: '2027-03-31', reason: 'voluntary' })).toEqual({
      on: 'must not be before the start date (2027-04-01)',
    });
    expect(errorsOf({ on: '2027-04-01', reason: 'voluntary' })).toEqual({});
    expect(errorsOf({ on: '2028-08-10', reason: 'contract-end' })).toEqual({});
    expect(errorsOf({ on: '2028-08-11', reason: 'contract-end' })).toEqual({
      on: 'must be within 1 year from today (2028-08-10 at the latest)',
    });
  });

  it('is the same when asked again with the same day and reason', () => {
    const first = departureSchema.parse({ on: '2027-08-31', reason: 'voluntary' });
    expect(sameDeparture(first, { on: '2027-08-31', reason: 'voluntary' })).toBe(true);
    expect(sameDeparture(first, { on: '2027-08-31', reason: 'company' })).toBe(false);
    expect(sameDeparture(first, { on: '2027-08-30', reason: 'voluntary' })).toBe(false);
  });

  it('leaves the person employed until the end of their last day', () => {
    const departure = { on: '2027-08-31', reason: 'voluntary' } as const;
    expect(stillEmployed(departure, '2027-08-31')).toBe(true);
    expect(stillEmployed(departure, '2027-09-01')).toBe(false);
  });
});

describe('a departure request', () => {
  const refusal = async (journeyId: string, body: unknown) => {
    try {
      await recordDepartureRequest(journeyId, body, new Date('2027-08-10T00:00:00Z'));
    } catch (error) {
      if (error instanceof HttpError) return { status: error.statusCode, body: error.body };
      throw error;
    }
    throw new Error('the request was not refused');
  };

  it('refuses a bad body with a message per field before reading any journey', async () => {
    expect(await refusal('j-00000000000000000000', { on: 'soon' })).toEqual({
      status: 400,
      body: {
        message: 'The request has invalid fields.',
        errors: {
          on: 'must be a date like 2027-04-01',
          reason: 'must be one of voluntary, company, contract-end, other',
        },
      },
    });
  });

  it('answers 404 for an id no journey could have', async () => {
    expect(await refusal('not-a-journey', { on: '2027-08-31', reason: 'voluntary' })).toMatchObject({
      status: 404,
    });
  });
});
