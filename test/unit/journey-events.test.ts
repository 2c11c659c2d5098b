import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineEventTypes } from '#shared/data/timeline.ts';
import {
  employeeLeftSchema,
  incomingDetailTypes,
  startDateChangedSchema,
} from '#shared/domain/incoming-events.ts';
import {
  publishedEventOf,
  publishedEventSchema,
  publishedFieldsByType,
} from '#shared/domain/published-events.ts';
import { fieldErrorsOf } from '#shared/http/field-errors.ts';
import { EVENT_SCHEMA_DIRECTORY, eventSchemaFiles } from '../../scripts/event-schemas.ts';

const item = (type: string, fields: Record<string, unknown> = {}, key = type) => ({
  pk: 'JOURNEY#j-1',
  sk: `EVENT#${key}`,
  type,
  at: '2027-04-01T01:00:00.000Z',
  order: '2027-04-01T01:00:00.000Z|00000000000000000001',
  ...fields,
});

describe('the published detail of a timeline event', () => {
  it('carries the journey, type and time, an id stable for the same event and apart for another', () => {
    const detail = publishedEventOf(
      item('round.started', { round: 2, sessionAt: '2027-06-01T10:00:00+09:00' }),
    );
    expect(detail).toEqual({
      eventId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      journeyId: 'j-1',
      type: 'round.started',
      at: '2027-04-01T01:00:00.000Z',
      round: 2,
      sessionAt: '2027-06-01T10:00:00+09:00',
    });
    expect(publishedEventOf(item('round.started', { round: 2 }))?.eventId).toBe(detail?.eventId);
    expect(publishedEventOf(item('round.started', { round: 3 }, 'round.started#3'))?.eventId).not.toBe(
      detail?.eventId,
    );
  });

  it('is nothing for an item that is no timeline event', () => {
    expect(publishedEventOf({ pk: 'JOURNEY#j-1', sk: 'FORM#f-1', type: 'prep' })).toBeUndefined();
    expect(publishedEventOf(item('made.up'))).toBeUndefined();
    expect(publishedEventOf({ ...item('journey.started'), pk: 'CALENDAR' })).toBeUndefined();
  });

  it("keeps a cancellation's category and turns HR's own words into `other`", () => {
    expect(publishedEventOf(item('journey.cancelled', { reason: 'offer-withdrawn' }))?.reason).toBe(
      'offer-withdrawn',
    );
    expect(publishedEventOf(item('journey.cancelled', { reason: 'family matters' }))?.reason).toBe('other');
    expect(publishedEventOf(item('journey.cancelled', { reason: 'moving-abroad' }))?.reason).toBe('other');
  });

  it('leaves out who handled an alert and their note, and what a pulse answer said', () => {
    expect(
      publishedEventOf(
        item('alert.handled', { alertId: 'a-1', round: 1, by: 'aya.sato@example.co.jp', note: '面談済み' }),
      ),
    ).toEqual(expect.not.objectContaining({ by: expect.anything(), note: expect.anything() }));
    const raised = publishedEventOf(
      item('alert.raised', {
        alertId: 'a-2',
        round: 1,
        reason: 'pulse-alert',
        source: 'pulse',
        cause: 'stormy',
      }),
    );
    expect(raised).toMatchObject({ alertId: 'a-2', reason: 'pulse-alert', source: 'pulse' });
    expect(raised).not.toHaveProperty('cause');
    expect(
      publishedEventOf(item('pulse.answered', { formId: 'f-1', check: 2, weather: 'rainy' })),
    ).not.toHaveProperty('weather');
  });

  it('drops a whitelisted field whose value is not the id, date or category it should be', () => {
    const detail = publishedEventOf(
      item('invitation.sent', { meeting: '本社 3F', meetingAt: 'next Tuesday', sequence: 0, round: 1 }),
    );
    expect(detail).toMatchObject({ sequence: 0, round: 1 });
    expect(detail).not.toHaveProperty('meeting');
    expect(detail).not.toHaveProperty('meetingAt');
  });

  it('never carries a name, address, place or anything written, whatever a timeline item holds', () => {
    const personal = fc.oneof(
      fc.emailAddress(),
      fc.string({ unit: fc.constantFrom(...'山田花子佐藤綾鈴木一郎会議室本社残業が不安です'), minLength: 1 }),
      fc.string({ minLength: 1 }).map((text) => `${text} ${text}`),
    );
    const fieldNames = [
      ...new Set([
        ...Object.values(publishedFieldsByType).flat(),
        'name',
        'email',
        'note',
        'by',
        'location',
        'weather',
        'cause',
        'summary',
      ]),
    ];
    const value: fc.Arbitrary<unknown> = fc.oneof(
      personal,
      fc.array(personal, { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('1', '2', 'from', 'to', 'round', 'sessionAt'), personal),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...timelineEventTypes),
        fc.dictionary(fc.constantFrom(...fieldNames), value),
        fc.array(personal, { minLength: 1, maxLength: 5 }),
        (type, fields, secrets) => {
          const withSecrets = { ...fields, name: secrets[0], notes: secrets };
          const text = JSON.stringify(publishedEventOf(item(type, withSecrets)));
          for (const secret of [...secrets, ...Object.values(fields).flat()]) {
            if (typeof secret === 'string') expect(text).not.toContain(secret);
          }
          // Names and notes are Japanese or spaced text, addresses have an `@`: none of that is ever published.
          expect(text).not.toMatch(/[@\s\u3000-\u9fff]/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is catalogued in the README, each type with exactly the fields it may carry', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [type, fields] of Object.entries(publishedFieldsByType)) {
      const row = readme.match(new RegExp(`^\\| \`${type.replace('.', '\\.')}\` \\| (.*) \\|$`, 'm'));
      expect(row, type).not.toBeNull();
      const listed = [...(row?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      expect(listed, type).toEqual(fields);
    }
  });

  it('fits the published schema', () => {
    const detail = publishedEventOf(
      item('journey.rescheduled', { startDate: { from: '2027-04-01', to: '2027-04-08' } }),
    );
    expect(publishedEventSchema.safeParse(detail).success).toBe(true);
  });
});

describe('incoming event details', () => {
  it('name the journey by offerId or hireId, exactly one', () => {
    expect(startDateChangedSchema.safeParse({ offerId: 'OFR-1', startDate: '2027-04-08' }).success).toBe(
      true,
    );
    expect(startDateChangedSchema.safeParse({ hireId: 'HIRE-1', startDate: '2027-04-08' }).success).toBe(
      true,
    );
    for (const detail of [
      { startDate: '2027-04-08' },
      { offerId: 'OFR-1', hireId: 'HIRE-1', startDate: '2027-04-08' },
    ]) {
      const parsed = startDateChangedSchema.safeParse(detail);
      expect(parsed.success).toBe(false);
      if (!parsed.success)
        expect(fieldErrorsOf(parsed.error)).toEqual({ offerId: 'give either offerId or hireId' });
    }
  });

  it('take a departure as POST /journeys/{id}/left does: a date and a reason category, no free text', () => {
    const parsed = employeeLeftSchema.safeParse({
      hireId: 'HIRE-1',
      on: '2027-05-31',
      reason: 'moving',
      note: 'x',
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(Object.keys(fieldErrorsOf(parsed.error)).sort()).toEqual(['(body)', 'reason']);
    }
  });

  it('say in their JSON Schema that exactly one of offerId and hireId names the journey', () => {
    for (const name of ['StartDateChanged', 'HireCancelled', 'EmployeeLeft']) {
      expect(JSON.parse(eventSchemaFiles()[`${name}.schema.json`] ?? '{}').oneOf, name).toEqual([
        { required: ['offerId'] },
        { required: ['hireId'] },
      ]);
    }
  });

  it('are published as JSON Schema files that match the code (run `npm run events:schemas` when this fails)', () => {
    const files = eventSchemaFiles();
    expect(Object.keys(files).sort()).toEqual(
      [...incomingDetailTypes, 'journey-event'].map((name) => `${name}.schema.json`).sort(),
    );
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(EVENT_SCHEMA_DIRECTORY, name), 'utf8'), name).toBe(text);
    }
  });
});
