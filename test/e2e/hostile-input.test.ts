import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formLinkIn,
  type JourneyView,
  type LocalSystem,
  localIdentifierKey,
  startLocalSystem,
} from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

/**
 * Thousands of random and malformed requests at every route of one running system. Properties: the answer is
 * always 2xx or 4xx, never 5xx; a request that must be refused is refused; and nothing a refused request
 * carried was written anywhere: the table, the mailbox and the seeded journeys are exactly as before.
 */

/** Requests sent at once in each property run: concurrent like real traffic, small enough for two cores. */
const BATCH = 8;

// The id a journey started from this key would get (`j-` and the first 20 hex digits of an HMAC-SHA-256 under
// the identifier key), worked out here independently so a refused body can be looked up; checked against a
// real journey in beforeAll.
const journeyIdOf = (key: string): string =>
  `j-${createHmac('sha256', localIdentifierKey()).update(`journey\u0000${key}`).digest('hex').slice(0, 20)}`;

type Expected = 'refused' | 'not-5xx' | number;

interface Attempt {
  method: 'GET' | 'POST' | 'PATCH';
  /** Encoded path, without the query. */
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  expected: Expected;
  /** Ids of journeys this request would have created had it been accepted: none may exist afterwards. */
  wouldCreate?: string[];
}

let system: LocalSystem;
let offerJourney: { journeyId: string; offer: ReturnType<typeof scenarioOffer>; link: string };
let onboardingJourneyId: string;
let dormantHireId: string;
const seededIds: string[] = [];
let before: { table: string[]; mailCount: number; journeys: JourneyView[] };
const refusedJourneyIds = new Set<string>();
let sent = 0;

const freshHire = (hireId: string, startDate: string) => ({
  phase: 'onboarding',
  hireId,
  employee: { name: '山田 花子', email: `hanako.yamada+${hireId}@example.com` },
  hr: { name: '佐藤 綾', email: 'aya.sato+hostile@example.co.jp' },
  manager: { name: '鈴木 一郎', email: 'ichiro.suzuki+hostile@example.co.jp' },
  startDate,
});

beforeAll(async () => {
  system = await startLocalSystem();
  const offer = scenarioOffer('hostile-seed');
  const journeyId = await system.startJourney(offer);
  expect(journeyId).toBe(journeyIdOf(`offer:${offer.offerId}`));
  const [request] = await system.mailTo(offer.interviewers[0]?.email ?? '');
  offerJourney = { journeyId, offer, link: formLinkIn(request) };

  // One hire whose onboarding has begun (rounds planned, sessions movable) and one still waiting to start.
  onboardingJourneyId = await system.startJourney(freshHire('HOSTILE-ACTIVE', '2026-11-26'));
  dormantHireId = await system.startJourney(freshHire('HOSTILE-WAITING', '2027-04-01'));
  await system.advanceTo('2026-11-26T09:30:00+09:00');
  expect((await system.journey(onboardingJourneyId)).status).toBe('onboarding');
  seededIds.push(journeyId, onboardingJourneyId, dormantHireId);

  await system.runtime.idle();
  before = {
    table: await tableSnapshot(),
    mailCount: (await system.emails()).length,
    journeys: await Promise.all(seededIds.map((id) => system.journey(id))),
  };
});
afterAll(async () => {
  await system?.runtime.stop();
});

// ---- request parts shared by every route -------------------------------------------------------------------

const queryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  fc
    .array(
      fc.constantFrom(
        'a=1',
        'token=x',
        '__proto__[polluted]=1',
        'constructor.prototype.x=1',
        '%zz',
        '%E3%81',
        '=',
        '&&',
        'x'.repeat(300),
        'q=%00',
        'q=%0D%0ABcc:%20x@evil.example',
        'emoji=😀',
        'a[]=1&a[]=2',
        'next=https://evil.example/',
        ';',
      ),
      { maxLength: 5 },
    )
    .map((parts) => parts.join('&')),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
);

const contentTypeArb = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=shift_jis',
  'text/plain',
  'text/html; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----hostile',
  'application/octet-stream',
  'application/xml',
  '',
  'a/b;;;=',
);

const headerValueArb = fc.string({
  unit: fc.constantFrom(...'abcXYZ019 -_.;=,/:*"\'()<>@?{}'.split('')),
  maxLength: 60,
});
const extraHeadersArb = fc.dictionary(
  fc.constantFrom(
    'accept',
    'accept-language',
    'authorization',
    'cookie',
    'origin',
    'referer',
    'x-forwarded-for',
    'x-amz-date',
    'content-encoding',
    'if-none-match',
  ),
  headerValueArb,
  { maxKeys: 3 },
);

const headersArb = fc
  .tuple(contentTypeArb, extraHeadersArb)
  .map(([contentType, extra]) =>
    contentType === undefined ? extra : { ...extra, 'content-type': contentType },
  );

/** Bodies that are not what any route wants: random JSON, random text, random bytes, and classic traps. */
const garbageBodyArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom(
    '',
    'null',
    'true',
    '[]',
    '{}',
    '"x"',
    '1e999',
    '{"a":1,"a":2}',
    '{"__proto__":{"phase":"onboarding"}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"offerId":',
    '\uD800',
    '\u0000',
    '{"reason":"\uDC00"}',
    '['.repeat(5000),
    `${'['.repeat(3000)}${']'.repeat(3000)}`,
  ),
);

// ---- journeys ----------------------------------------------------------------------------------------------

type Mutation = [path: string[], value: unknown];

const setAt = (target: Record<string, unknown>, [path, value]: Mutation): void => {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const child = target[head];
  const next = typeof child === 'object' && child !== null ? { ...(child as object) } : {};
  target[head] = next;
  setAt(next as Record<string, unknown>, [rest, value]);
};

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

/** Each of these makes an offer invalid on its own (the meeting in the past passes the schema, not the start). */
const invalidOfferField: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom<Mutation>(
    [['candidate', 'email'], 'nope'],
    [['candidate', 'email'], 'x@example.com\r\nBcc: y@evil.example'],
    [['candidate', 'email'], undefined],
    [['candidate', 'name'], ''],
    [['candidate', 'name'], ' \r\n '],
    [['candidate', 'name'], 'あ'.repeat(101)],
    [['candidate', 'locale'], 'fr'],
    [['hr'], undefined],
    [['hr'], 'HR'],
    [['manager', 'email'], ['ichiro.suzuki@example.co.jp']],
    [['mentor'], { name: 'メンター' }],
    [['offerMeetingAt'], 'tomorrow'],
    [['offerMeetingAt'], '2026-12-03'],
    [['offerMeetingAt'], '2026-12-03T10:00:00'],
    [['offerMeetingAt'], '2026-11-20T10:00:00+09:00'],
    [['respondBy'], '2026-12-01'],
    [['respondBy'], '2026-02-30'],
    [['startDate'], '2026-12-10'],
    [['startDate'], 'April'],
    [['startDate'], '2027-04-31'],
    [['timezone'], 'Mars/Olympus'],
    [['timezone'], '../../etc/passwd'],
    [['interviewers'], 'everyone'],
    [['interviewers'], [null]],
    [
      ['interviewers'],
      Array.from({ length: 11 }, (_, i) => ({ name: `面接官${i}`, email: `i${i}@example.co.jp` })),
    ],
    [['selection', 'situation'], ['free-lunch']],
    [['selection', 'concerns'], ['x'.repeat(501)]],
    [['selection', 'concerns'], Array.from({ length: 21 }, () => '残業')],
    [['selection', 'concerns'], ['  ']],
    [['onboarding'], { rounds: 0 }],
    [['onboarding'], { rounds: 7 }],
    [['onboarding'], { sessionTime: '25:00' }],
    [['onboarding'], { threePartyFromRound: 1 }],
    [['onboarding'], { hrLeadEmail: 'lead' }],
    [['onboarding'], { hrLeadEmail: 'lead@example.co.jp', hrLeadName: 'x'.repeat(101) }],
    [['onboarding'], { hrLeadEmail: 'lead@example.co.jp', hrLeadName: '  ' }],
    [['phase'], 'offboarding'],
  ),
  fc.tuple(
    fc.constantFrom<string[]>(
      ['candidate', 'name'],
      ['hr', 'email'],
      ['offerMeetingAt'],
      ['startDate'],
      ['timezone'],
    ),
    notAString,
  ),
);

/** Other changes that keep an offer valid, mixed in so refused bodies are not all alike. */
const harmlessOfferField = fc.constantFrom<Mutation>(
  [['candidate', 'name'], '<script>alert(1)</script>'],
  [['candidate', 'locale'], 'en'],
  [['mentor'], undefined],
  [['selection', 'concerns'], ['"quoted" \r\nBcc: x@evil.example 😀']],
  [['unknownField'], { deeply: ['nested'] }],
);

const keyUnit = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''));
const validKeyArb = fc.string({ unit: keyUnit, minLength: 6, maxLength: 12 });
const invalidKeyArb = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    'has space',
    'x'.repeat(65),
    '../etc/passwd',
    'a/b',
    'ＯＦＲ１',
    'OFR\r\nBcc: x',
    '<b>',
  ),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 30 })
    .filter((key) => !/^[A-Za-z0-9._-]{1,64}$/.test(key.trim())),
);

const refusedOfferArb = fc.oneof(
  // A valid offer with at least one invalid field.
  fc
    .tuple(
      validKeyArb,
      fc.array(invalidOfferField, { minLength: 1, maxLength: 3 }),
      fc.array(harmlessOfferField),
    )
    .map(([key, invalid, harmless]) => {
      const offer: Record<string, unknown> = scenarioOffer(`hx-${key}`);
      // Invalid last, so a harmless change to the same field cannot undo it.
      for (const mutation of [...harmless, ...invalid]) setAt(offer, mutation);
      return offer;
    }),
  // A valid offer under an offerId that is not one.
  fc.tuple(invalidKeyArb, fc.array(harmlessOfferField, { maxLength: 2 })).map(([offerId, harmless]) => {
    const offer: Record<string, unknown> = { ...scenarioOffer('hx'), offerId };
    for (const mutation of harmless) setAt(offer, mutation);
    return offer;
  }),
  // A hire starting at onboarding, with one invalid field.
  fc
    .tuple(
      validKeyArb,
      fc.constantFrom<Mutation>(
        [['employee', 'email'], 'nope'],
        [['employee'], undefined],
        [['hireId'], 'has space'],
        [['hireId'], undefined],
        [['startDate'], 'April'],
        [['timezone'], 'Mars/Olympus'],
        [['onboarding'], { rounds: 0 }],
        [['onboarding'], { monthsBetween: 4 }],
        [['manager', 'name'], ''],
      ),
    )
    .map(([key, mutation]) => {
      const hire: Record<string, unknown> = freshHire(`HX-${key}`, '2027-04-01');
      setAt(hire, mutation);
      return hire;
    }),
);

const wouldCreate = (body: Record<string, unknown>): string[] => {
  const key = body.phase === 'onboarding' ? body.hireId : body.offerId;
  if (typeof key !== 'string') return [];
  const prefix = body.phase === 'onboarding' ? 'hire' : 'offer';
  return [...new Set([key, key.trim()])].map((variant) => journeyIdOf(`${prefix}:${variant}`));
};

const startJourneyArb: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: refusedOfferArb.map((body) => ({ body, expected: 'refused' as Expected })) },
      { weight: 3, arbitrary: garbageBodyArb.map((raw) => ({ raw, expected: 'not-5xx' as Expected })) },
      {
        weight: 1,
        arbitrary: fc.nat().map((cut) => {
          const text = JSON.stringify(scenarioOffer('hx-truncated'));
          return { raw: text.slice(0, 1 + (cut % (text.length - 1))), expected: 'refused' as Expected };
        }),
      },
      // The seeded offer again is the same journey (200); changed, it is a conflict (409). Neither writes.
      { weight: 1, arbitrary: fc.constant({ seeded: 'same', expected: 200 as Expected }) },
      { weight: 1, arbitrary: fc.constant({ seeded: 'changed', expected: 409 as Expected }) },
    ),
    queryArb,
    headersArb,
  )
  .map(([shape, query, headers]) => {
    if ('body' in shape) {
      return {
        method: 'POST',
        path: '/journeys',
        query,
        headers,
        body: JSON.stringify(shape.body),
        expected: shape.expected,
        wouldCreate: wouldCreate(shape.body),
      };
    }
    if ('raw' in shape)
      return { method: 'POST', path: '/journeys', query, headers, body: shape.raw, expected: shape.expected };
    const offer =
      shape.seeded === 'same' ? offerJourney.offer : { ...offerJourney.offer, startDate: '2027-05-01' };
    return {
      method: 'POST',
      path: '/journeys',
      query,
      headers,
      body: JSON.stringify(offer),
      expected: shape.expected,
    };
  });

/** Path ids that name no journey, from plausible to absurd. */
const unknownIdArb = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.stringMatching(/^j-[0-9a-f]{20}$/),
  fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 3000 }),
  fc.constantFrom('j-unknown', '__proto__', 'constructor', `j-${'a'.repeat(3000)}`, '%', '.', '..', ' '),
);
const seededIdArb = fc.constantFrom(0, 1, 2).map((index) => seededIds[index] ?? '');
const lookalikeIdArb = seededIdArb.chain((id) =>
  fc.constantFrom(id.toUpperCase(), `${id}x`, id.slice(0, -1), ` ${id}`, `${id}\u0000`, `${id}/`),
);

const journeyPath = (id: string, suffix = '') => `/journeys/${encodeURIComponent(id)}${suffix}`;

// An id of `.` is a dot segment: the path resolves to `/journeys/`, HR's list.
const namesTheList = (id: string) => new URL(journeyPath(id), 'http://127.0.0.1').pathname === '/journeys/';

const getJourneyArb: fc.Arbitrary<Attempt> = fc
  .tuple(fc.oneof(unknownIdArb, lookalikeIdArb, seededIdArb), queryArb, headersArb)
  .map(([id, query, headers]) => ({
    method: 'GET',
    path: journeyPath(id),
    query,
    headers,
    expected: seededIds.includes(id) ? 200 : namesTheList(id) ? 'not-5xx' : 'refused',
  }));

/** List queries from plausible to hostile: each parameter valid, wrong, huge, repeated or binary. */
const listParamArb = fc.tuple(
  fc.constantFrom('status', 'hr', 'startMonth', 'q', 'limit', 'cursor', 'other'),
  fc.oneof(
    fc.constantFrom(
      'onboarding',
      'cancelled',
      'aya.sato@example.co.jp',
      '2027-04',
      '山田',
      '25',
      '0',
      '101',
      '-1',
    ),
    fc.constantFrom('', '1e2', 'eyJ2IjoxLCJhZnRlciI6IngifQ', '%', '__proto__', 'x'.repeat(3000)),
    fc.string({ unit: 'binary', maxLength: 60 }),
  ),
);
const listJourneysArb: fc.Arbitrary<Attempt> = fc
  .tuple(fc.array(listParamArb, { maxLength: 6 }), headersArb)
  .map(([params, headers]) => ({
    method: 'GET',
    path: '/journeys',
    query: params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&'),
    headers,
    expected: 'not-5xx',
  }));

/** Moves that the seeded journeys must refuse: malformed, in the past, naming no round, or half valid. */
const refusedMoveArb = fc.constantFrom<unknown>(
  { startDate: 'April' },
  { startDate: '2027-02-29' },
  { startDate: 20270401 },
  { startdate: '2027-05-01' },
  { startDate: '2027-05-01', extra: true },
  { startDate: '2027-05-01', sessions: { 2: '2027-06-03T15:00:00+09:00' } },
  { sessions: {} },
  { sessions: [] },
  { sessions: { x: '2027-06-03T15:00:00+09:00' } },
  { sessions: { '-1': '2027-06-03T15:00:00+09:00' } },
  { sessions: { 2: 'soon' } },
  { sessions: { 2: '2027-06-03T15:00:00' } },
  { sessions: { 1: '2026-11-25T15:00:00+09:00' } },
  { sessions: { 99: '2027-06-03T15:00:00+09:00' } },
  { sessions: { 99999999999999999999: '2027-06-03T15:00:00+09:00' } },
  { sessions: { 0: '2027-06-03T15:00:00+09:00' } },
  // One move that would be fine next to one that is not: all or nothing.
  { sessions: { 2: '2027-02-03T15:00:00+09:00', 99: '2027-06-03T15:00:00+09:00' } },
  { sessions: { 2: '2027-02-03T15:00:00+09:00', 3: '2026-11-01T15:00:00+09:00' } },
  null,
  [],
  'startDate',
);

// A random JSON body could, in theory, be a valid move or cancellation; those are left to the other tests.
const couldBeValid = (body: string | Uint8Array, keys: string[]): boolean => {
  if (typeof body !== 'string') return false;
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && keys.some((key) => Object.hasOwn(value, key));
  } catch {
    return false;
  }
};

const patchJourneyArb: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(
          seededIdArb,
          refusedMoveArb.map((move) => JSON.stringify(move)),
        ),
      },
      // Before onboarding begins a start date in the past is refused.
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom(0, 2).map((index) => seededIds[index] ?? ''),
          fc.constantFrom('{"startDate":"2026-01-01"}', '{"startDate":"2026-11-25"}'),
        ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(
          seededIdArb,
          garbageBodyArb.filter((body) => !couldBeValid(body, ['startDate', 'sessions'])),
        ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(
          fc.oneof(unknownIdArb, lookalikeIdArb),
          fc.oneof(garbageBodyArb, fc.constant('{"startDate":"2027-05-01"}')),
        ),
      },
    ),
    queryArb,
    headersArb,
  )
  .map(([[id, body], query, headers]) => ({
    method: 'PATCH',
    path: journeyPath(id),
    query,
    headers,
    body,
    expected: 'refused',
  }));

const refusedCancelArb = fc.constantFrom<unknown>(
  {},
  { reason: '' },
  { reason: '   \r\n\t' },
  { reason: 'x'.repeat(201) },
  { reason: 'あ'.repeat(201) },
  { reason: 42 },
  { reason: null },
  { reason: ['offer-withdrawn'] },
  { Reason: 'offer-withdrawn' },
  null,
  [],
  'offer-withdrawn',
);

const cancelJourneyArb: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(
          seededIdArb,
          refusedCancelArb.map((body) => JSON.stringify(body)),
        ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(
          seededIdArb,
          garbageBodyArb.filter((body) => !couldBeValid(body, ['reason'])),
        ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(
          fc.oneof(unknownIdArb, lookalikeIdArb),
          fc.oneof(garbageBodyArb, fc.constant('{"reason":"offer-withdrawn"}')),
        ),
      },
    ),
    queryArb,
    headersArb,
  )
  .map(([[id, body], query, headers]) => ({
    method: 'POST',
    path: journeyPath(id, '/cancel'),
    query,
    headers,
    body,
    expected: 'refused',
  }));

// ---- forms -------------------------------------------------------------------------------------------------

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64urlArb = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...BASE64URL.split('')), maxLength });

const seedToken = () => offerJourney.link.slice(offerJourney.link.lastIndexOf('/') + 1);

/** Changes to the real link that must all stop it working. */
const mutatedTokenArb = fc
  .tuple(fc.nat(), fc.constantFrom(...BASE64URL.split('')), fc.constantFrom(...'!*.=~ %\n'.split('')))
  .chain(([at, swap, stray]) => {
    const token = seedToken();
    const i = at % token.length;
    const [payload = '', signature = ''] = token.split('.');
    const replaced = token[i] === swap ? (swap === 'A' ? 'B' : 'A') : swap;
    return fc.constantFrom(
      `${token.slice(0, i)}${replaced}${token.slice(i + 1)}`,
      token.slice(0, i),
      `${token}${swap}`,
      `${swap}${token}`,
      `${token.slice(0, i)}${stray}${token.slice(i)}`,
      `${signature}.${payload}`,
      `${payload}.${signature}.${signature}`,
      token.toUpperCase(),
      token.replace('.', ''),
    );
  })
  // Cutting at 0 leaves no link at all, which the empty-path routes already cover.
  .filter((token) => token !== '' && token !== seedToken());

const claimsToken = (claims: object, secret: string | undefined, signature?: string) => {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac =
    signature ??
    createHmac('sha256', secret ?? '')
      .update(payload)
      .digest('base64url');
  return `${payload}.${mac}`;
};

/** Links to the seeded form, or to others, that the system never signed. */
const forgedTokenArb = fc
  .tuple(
    fc.constantFrom('own-form', 'other-form', 'other-journey'),
    fc.constantFrom('real-kid', 'other-kid'),
    fc.oneof(base64urlArb(43), fc.string({ minLength: 8, maxLength: 40 })),
    fc.boolean(),
  )
  .map(([target, kidKind, secretOrSignature, resign]) => {
    const [payload = ''] = seedToken().split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = {
      ...claims,
      ...(target === 'other-form' ? { formId: 'f-0000000000000000' } : {}),
      ...(target === 'other-journey' ? { journeyId: dormantHireId } : {}),
      exp: Math.floor(Date.parse('2030-01-01') / 1000),
      kid: kidKind === 'real-kid' ? claims.kid : 'deadbeef',
    };
    return resign
      ? claimsToken(forged, secretOrSignature)
      : claimsToken(forged, undefined, secretOrSignature);
  });

const randomTokenArb = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc.tuple(base64urlArb(160), base64urlArb(60)).map(([payload, signature]) => `${payload}.${signature}`),
  fc.constantFrom('.', '..', 'a.b', `${'a'.repeat(5000)}.${'b'.repeat(43)}`, 'eyJ9.', '%', 'null'),
);

const hostileTokenArb = fc.oneof(mutatedTokenArb, forgedTokenArb, randomTokenArb);

const formPath = (token: string) => `/forms/${encodeURIComponent(token)}`;

const formFields = ['concerns', 'impressions', 'strengths', 'decision', 'notes', 'wellbeing', 'privateNotes'];
const randomFormBodyArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...formFields), fc.string()), fc.string({ unit: 'binary' })), {
      maxLength: 6,
    })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  garbageBodyArb,
);

/**
 * Interviewer answers the form must refuse, built so by construction: every box is missing, blank (blanks of
 * every kind, even when repeated) or longer than 2,000 characters, next to fields the form does not have.
 */
const blankOrTooLong = fc.oneof(
  fc.constantFrom(undefined, '', ' ', '\r\n', '\t \n', '\u3000', ' \r\n\r\n '),
  // Lengths count characters (code points), as the server does: 2,001 emoji, not 2,001 UTF-16 units.
  fc
    .tuple(fc.constantFrom('x', 'あ', '😀', '<'), fc.nat({ max: 50 }))
    .map(([char, extra]) => char.repeat(2001 + extra)),
);
const strayPartArb = fc.constantFrom(
  '&&',
  '=',
  '==',
  '%zz',
  '%',
  '+',
  ';',
  'a=%E3%81',
  '__proto__=1',
  'constructor=x',
  'hasOwnProperty=1',
  'toString=1',
  'decision=accepted',
  'notes=%3Cscript%3E',
  'Concerns=%E5%BF%83%E9%85%8D',
  'concerns%00=x',
);
const refusedAnswerArb = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('concerns', 'impressions', 'strengths'), blankOrTooLong), {
      maxLength: 5,
    }),
    fc.array(strayPartArb, { maxLength: 4 }),
  )
  .map(([fields, stray]) => {
    // The last value of a repeated field is the one read, so every value must be refusable: they all are.
    const parts = fields.flatMap(([name, value]) =>
      value === undefined ? [] : [new URLSearchParams([[name, value]]).toString()],
    );
    return [...parts, ...stray].join('&');
  });

const showFormArb: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: hostileTokenArb }, { weight: 1, arbitrary: fc.constant(undefined) }),
    queryArb,
    headersArb,
  )
  .map(([token, query, headers]) => ({
    method: 'GET',
    path: formPath(token ?? seedToken()),
    query,
    headers,
    expected: token === undefined ? 200 : 'refused',
  }));

const submitFormArb: fc.Arbitrary<Attempt> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constant(undefined), refusedAnswerArb) },
      { weight: 2, arbitrary: fc.tuple(hostileTokenArb, randomFormBodyArb) },
      { weight: 1, arbitrary: fc.tuple(hostileTokenArb, fc.constant('concerns=%E5%BF%83%E9%85%8D')) },
    ),
    queryArb,
    headersArb,
  )
  .map(([[token, body], query, headers]) => ({
    method: 'POST',
    path: formPath(token ?? seedToken()),
    query,
    headers,
    body,
    expected: 'refused',
  }));

// ---- the barrage -------------------------------------------------------------------------------------------

const send = async (attempt: Attempt): Promise<number> => {
  const response = await fetch(
    `${system.runtime.apiUrl}${attempt.path}${attempt.query ? `?${attempt.query}` : ''}`,
    {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.body,
    },
  );
  await response.arrayBuffer();
  sent += 1;
  return response.status;
};

const meets = (expected: Expected, status: number): boolean => {
  if (status >= 500) return false;
  if (expected === 'refused') return status >= 400 && status < 500;
  if (expected === 'not-5xx') return status >= 200 && status < 500;
  return status === expected;
};

const barrage = (attempt: fc.Arbitrary<Attempt>, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(fc.array(attempt, { minLength: BATCH, maxLength: BATCH }), async (attempts) => {
      const statuses = await Promise.all(attempts.map(send));
      attempts.forEach((tried, index) => {
        for (const id of tried.wouldCreate ?? []) refusedJourneyIds.add(id);
        const status = statuses[index] ?? 0;
        if (!meets(tried.expected, status)) {
          throw new Error(
            `${tried.method} ${tried.path.slice(0, 120)} answered ${status}, expected ${tried.expected}`,
          );
        }
      });
    }),
    { numRuns },
  );

describe('hostile input at every route', () => {
  it('POST /journeys answers random, malformed and invalid offers with 2xx or 4xx', async () => {
    await barrage(startJourneyArb, 120);
  });

  it('GET /journeys/{id} answers any id with 200 for a seeded journey and 4xx otherwise', async () => {
    await barrage(getJourneyArb, 50);
  });

  it('GET /journeys answers any query with the list or a 400', async () => {
    await barrage(listJourneysArb, 40);
  });

  it('PATCH /journeys/{id} refuses every malformed, past or half-valid move', async () => {
    await barrage(patchJourneyArb, 70);
  });

  it('POST /journeys/{id}/cancel refuses every malformed reason', async () => {
    await barrage(cancelJourneyArb, 50);
  });

  it('GET /forms/{token} shows the form for its own link only', async () => {
    await barrage(showFormArb, 60);
  });

  it('POST /forms/{token} refuses mutated links and answers the form cannot take', async () => {
    await barrage(submitFormArb, 100);
  });

  it('wrote nothing for any of it: table, mailbox and seeded journeys are as they were', async () => {
    expect(sent).toBe(BATCH * (120 + 50 + 40 + 70 + 50 + 60 + 100));
    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before.table);
    expect((await system.emails()).length).toBe(before.mailCount);
    expect(await Promise.all(seededIds.map((id) => system.journey(id)))).toEqual(before.journeys);
    // Enough distinct would-be journeys for the check below to mean something. How many the generators make varies
    // from run to run (337 to 366 in six runs, 289 in one CI run), so the floor sits well under that spread.
    expect(refusedJourneyIds.size).toBeGreaterThan(200);
    const ids = [...refusedJourneyIds];
    for (let start = 0; start < ids.length; start += 16) {
      const statuses = await Promise.all(
        ids.slice(start, start + 16).map(async (id) => (await system.api(`/journeys/${id}`)).status),
      );
      expect(statuses.every((status) => status === 404)).toBe(true);
    }
  });
});
