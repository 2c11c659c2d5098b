import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleNotesExpiry } from '#shared/data/private-notes.ts';
import {
  DEFAULT_PRIVATE_NOTES_RETENTION_DAYS,
  hasEnded,
  notesExpireAt,
  privateNotesRetentionDays,
  splitPrivateNotes,
} from '#shared/domain/private-notes.ts';

process.env.TABLE_NAME = 'journeys-test';

const dynamo = mockClient(DynamoDBDocumentClient);

afterEach(() => {
  dynamo.reset();
  delete process.env.PRIVATE_NOTES_RETENTION_DAYS;
});

describe('the retention period', () => {
  it('is twelve months (365 days) unless the deployment sets it', () => {
    expect(DEFAULT_PRIVATE_NOTES_RETENTION_DAYS).toBe(365);
    expect(privateNotesRetentionDays(undefined)).toBe(365);
    expect(privateNotesRetentionDays('')).toBe(365);
    expect(privateNotesRetentionDays('730')).toBe(730);
    expect(privateNotesRetentionDays('1')).toBe(1);
  });

  it('refuses a setting that is not a whole number of days, rather than keep notes for a period nobody chose', () => {
    for (const value of ['0', '-1', '30.5', 'one year', '1e400']) {
      expect(() => privateNotesRetentionDays(value), value).toThrow(/PRIVATE_NOTES_RETENTION_DAYS/);
    }
  });

  it('ends the retention period the set number of days after the journey ended, in TTL seconds', () => {
    const endedAt = new Date('2026-12-03T02:00:00.500Z');
    expect(notesExpireAt(endedAt, 365)).toBe(Date.parse('2027-12-03T02:00:00Z') / 1000);
    // 2028 is a leap year: 365 days after 1 March 2027 is 29 February 2028.
    expect(notesExpireAt(new Date('2027-03-01T00:00:00Z'), 365)).toBe(
      Date.parse('2028-02-29T00:00:00Z') / 1000,
    );
    expect(notesExpireAt(endedAt, 1)).toBe(Date.parse('2026-12-04T02:00:00Z') / 1000);
    expect(Number.isInteger(notesExpireAt(endedAt, 365))).toBe(true);
  });

  it('starts only for the statuses a journey never leaves', () => {
    expect(['declined', 'lapsed', 'completed', 'cancelled', 'left'].every(hasEnded)).toBe(true);
    expect(['offer-follow-up', 'awaiting-start', 'onboarding', 'needs-attention'].some(hasEnded)).toBe(false);
  });
});

describe('splitting private notes from the answers', () => {
  it('takes the offer outcome notes and the session outcome private notes out of the answers', () => {
    expect(
      splitPrivateNotes('offer-outcome', { decision: 'declined', remainingConcerns: '', notes: 'x' }),
    ).toEqual({
      answers: { decision: 'declined', remainingConcerns: '' },
      notes: { field: 'notes', text: 'x' },
    });
    expect(
      splitPrivateNotes('session-outcome', { condition: 'good', privateNotes: 'y', consent: 'none' }),
    ).toEqual({
      answers: { condition: 'good', consent: 'none' },
      notes: { field: 'privateNotes', text: 'y' },
    });
  });

  it('stores nothing private for empty notes, and leaves other forms alone', () => {
    expect(splitPrivateNotes('offer-outcome', { decision: 'accepted', notes: '' })).toEqual({
      answers: { decision: 'accepted' },
    });
    const prep = {
      progress: 'notes: fine',
      wellbeing: 'well',
      topics: '',
      notes: 'not a private field here',
    };
    expect(splitPrivateNotes('manager-prep', prep)).toEqual({ answers: prep });
  });
});

describe('scheduleNotesExpiry', () => {
  it('sets expiresAt once on every notes item of the journey, keeping an expiry set earlier', async () => {
    process.env.PRIVATE_NOTES_RETENTION_DAYS = '30';
    dynamo
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ pk: 'JOURNEY#j-1', sk: 'NOTES#f-1', formId: 'f-1' }],
        LastEvaluatedKey: { pk: 'x' },
      })
      .resolvesOnce({ Items: [{ pk: 'JOURNEY#j-1', sk: 'NOTES#f-2', formId: 'f-2' }] });
    // The second item was erased meanwhile: the condition keeps it from coming back as an expiry alone.
    dynamo
      .on(UpdateCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'gone', $metadata: {} }));

    await scheduleNotesExpiry('j-1', new Date('2027-01-01T00:00:00Z'));

    const expiresAt = Date.parse('2027-01-31T00:00:00Z') / 1000;
    for (const formId of ['f-1', 'f-2']) {
      expect(dynamo).toReceiveCommandWith(UpdateCommand, {
        Key: { pk: 'JOURNEY#j-1', sk: `NOTES#${formId}` },
        UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':expiresAt': expiresAt },
      });
    }
    expect(dynamo).toReceiveCommandWith(QueryCommand, {
      ExpressionAttributeValues: { ':pk': 'JOURNEY#j-1', ':prefix': 'NOTES#' },
    });
  });

  it('does nothing for a journey without notes', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await scheduleNotesExpiry('j-1', new Date());
    expect(dynamo).toReceiveCommandTimes(UpdateCommand, 0);
  });
});
