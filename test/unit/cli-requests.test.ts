import { describe, expect, it } from 'vitest';
import { formatRefusal, formatSuccess } from '#shared/cli/api-answer.ts';
import { apiRequest } from '#shared/cli/api-request.ts';
import { httpRequest, needsSignature, regionOfUrl } from '#shared/cli/http-request.ts';

describe('follow-up requests', () => {
  it('maps each command to its API call', () => {
    expect(apiRequest({ name: 'start', file: 'x.json' }, { offerId: 'O-1' })).toEqual({
      method: 'POST',
      path: '/journeys',
      body: { offerId: 'O-1' },
    });
    expect(apiRequest({ name: 'show', journeyId: 'j-1' })).toEqual({ method: 'GET', path: '/journeys/j-1' });
    expect(apiRequest({ name: 'list', query: { status: 'cancelled' } })).toEqual({
      method: 'GET',
      path: '/journeys',
      query: { status: 'cancelled' },
    });
    expect(
      apiRequest({ name: 'move', journeyId: 'j-1', startDate: '2027-04-15', sessions: {}, locations: {} }),
    ).toEqual({
      method: 'PATCH',
      path: '/journeys/j-1',
      body: { startDate: '2027-04-15' },
    });
    expect(
      apiRequest({
        name: 'move',
        journeyId: 'j-1',
        sessions: { '2': '2027-06-03T15:00:00+09:00' },
        locations: {},
      }),
    ).toEqual({
      method: 'PATCH',
      path: '/journeys/j-1',
      body: { sessions: { '2': '2027-06-03T15:00:00+09:00' } },
    });
    expect(
      apiRequest({ name: 'move', journeyId: 'j-1', sessions: {}, locations: { '2': '本社 3階 会議室B' } }),
    ).toEqual({ method: 'PATCH', path: '/journeys/j-1', body: { locations: { '2': '本社 3階 会議室B' } } });
    expect(apiRequest({ name: 'left', journeyId: 'j-1', on: '2027-08-31', reason: 'voluntary' })).toEqual({
      method: 'POST',
      path: '/journeys/j-1/left',
      body: { on: '2027-08-31', reason: 'voluntary' },
    });
    expect(apiRequest({ name: 'cancel', journeyId: 'j-1', reason: 'resigned' })).toEqual({
      method: 'POST',
      path: '/journeys/j-1/cancel',
      body: { reason: 'resigned' },
    });
    expect(apiRequest({ name: 'erase', journeyId: 'j-1' })).toEqual({
      method: 'DELETE',
      path: '/journeys/j-1',
    });
    expect(apiRequest({ name: 'reissue', journeyId: 'j-1', formId: 'f-2' })).toEqual({
      method: 'POST',
      path: '/journeys/j-1/forms/f-2/reissue',
    });
  });

  it('keeps an id inside its path segment', () => {
    expect(apiRequest({ name: 'show', journeyId: '../settings/calendar' }).path).toBe(
      '/journeys/..%2Fsettings%2Fcalendar',
    );
  });

  it('joins the base URL, its stage and the query, with JSON only when there is a body', () => {
    const get = httpRequest('https://abc.execute-api.ap-northeast-1.amazonaws.com/prod/', {
      method: 'GET',
      path: '/journeys',
      query: { startMonth: '2027-04', q: '山田' },
    });
    expect(get.url.toString()).toBe(
      'https://abc.execute-api.ap-northeast-1.amazonaws.com/prod/journeys?startMonth=2027-04&q=%E5%B1%B1%E7%94%B0',
    );
    expect(get.body).toBeUndefined();
    expect(get.headers['content-type']).toBeUndefined();
    const post = httpRequest('http://127.0.0.1:3000', {
      method: 'POST',
      path: '/journeys/j-1/cancel',
      body: { reason: 'x' },
    });
    expect(post.url.toString()).toBe('http://127.0.0.1:3000/journeys/j-1/cancel');
    expect(post.body).toBe('{"reason":"x"}');
    expect(post.headers['content-type']).toBe('application/json');
  });

  it('signs only away from the loopback, and finds the region in an execute-api host', () => {
    expect(needsSignature(new URL('http://127.0.0.1:3000'))).toBe(false);
    expect(needsSignature(new URL('http://localhost:3000'))).toBe(false);
    expect(needsSignature(new URL('https://abc.execute-api.ap-northeast-1.amazonaws.com/prod'))).toBe(true);
    expect(regionOfUrl(new URL('https://abc.execute-api.ap-northeast-1.amazonaws.com/prod'))).toBe(
      'ap-northeast-1',
    );
    expect(regionOfUrl(new URL('https://hr-api.example.co.jp'))).toBeUndefined();
  });
});

describe('follow-up output', () => {
  it('prints the answer pretty, or compact with --json', () => {
    expect(formatSuccess({ a: 1 }, false)).toBe('{\n  "a": 1\n}\n');
    expect(formatSuccess({ a: 1 }, true)).toBe('{"a":1}\n');
  });

  it('prints a refusal with its status, message and a line per field', () => {
    expect(
      formatRefusal(400, {
        message: 'Invalid journey',
        errors: { 'candidate.email': 'must be an email address' },
      }),
    ).toBe('400 Invalid journey\n  candidate.email: must be an email address\n');
    expect(formatRefusal(403, 'Forbidden')).toBe('403\nForbidden\n');
  });
});
