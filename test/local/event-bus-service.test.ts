import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityTracker } from '#infra/local/activity.ts';
import { type BusEvent, type EventBusService, startEventBusService } from '#infra/local/event-bus-service.ts';
import { matchesPattern } from '#infra/local/event-pattern.ts';
import type { EventRule } from '#infra/synthesized-template.ts';
import { localClientConfig } from './local-clients.ts';

describe('matchesPattern', () => {
  const event = {
    source: 'hris.example',
    'detail-type': 'StartDateChanged',
    detail: { offerId: 'OFR-1', round: 2, tags: ['a', 'b'] },
  };

  it('matches every field it names, any of a list, nested objects and arrays element by element', () => {
    expect(matchesPattern({ source: ['hris.example'], detail: { offerId: ['OFR-1', 'OFR-2'] } }, event)).toBe(
      true,
    );
    expect(matchesPattern({ detail: { tags: ['b'] } }, event)).toBe(true);
    expect(matchesPattern({ source: ['other'] }, event)).toBe(false);
    expect(matchesPattern({ detail: { hireId: ['HIRE-1'] } }, event)).toBe(false);
  });

  it('understands prefix, anything-but, exists and numeric', () => {
    expect(matchesPattern({ 'detail-type': [{ prefix: 'Start' }] }, event)).toBe(true);
    expect(matchesPattern({ source: [{ 'anything-but': ['follow-up-journeys'] }] }, event)).toBe(true);
    expect(matchesPattern({ source: [{ 'anything-but': 'hris.example' }] }, event)).toBe(false);
    expect(
      matchesPattern({ detail: { hireId: [{ exists: false }], offerId: [{ exists: true }] } }, event),
    ).toBe(true);
    expect(matchesPattern({ detail: { round: [{ numeric: ['>=', 2, '<', 3] }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { round: [{ numeric: ['>', 2] }] } }, event)).toBe(false);
  });

  it('matches nothing with a matcher it does not understand', () => {
    expect(matchesPattern({ source: [{ wildcard: 'hris.*' }] }, event)).toBe(false);
    expect(matchesPattern('source', event)).toBe(false);
  });
});

describe('the local EventBridge', () => {
  const RECEIVER = 'arn:aws:lambda:ap-northeast-1:000000000000:function:Receiver';
  const rules: EventRule[] = [
    {
      bus: 'Bus',
      pattern: { source: [{ 'anything-but': ['follow-up-journeys'] }], 'detail-type': ['OfferIssued'] },
      targets: [{ functionArn: RECEIVER, deadLetterQueue: 'DeadLetters' }],
    },
  ];
  let service: EventBusService;
  let tracker: ActivityTracker;
  let invoked: BusEvent[];
  let failures: number;
  let dead: BusEvent[];

  beforeEach(async () => {
    tracker = new ActivityTracker();
    invoked = [];
    failures = 0;
    dead = [];
    service = await startEventBusService({
      buses: { Bus: 'journeys' },
      rules,
      invokeFunction: async (_arn, payload) => {
        invoked.push(payload as BusEvent);
        if (failures > 0) {
          failures -= 1;
          throw new Error('failed');
        }
        return null;
      },
      onTargetFailure: (_target, event) => dead.push(event),
      tracker,
      now: () => Date.parse('2026-11-24T01:00:00Z'),
    });
  });
  afterEach(async () => {
    await service.close();
  });

  it('takes PutEvents from the SDK and hands a matching event to the rule target as EventBridge shapes it', async () => {
    const client = new EventBridgeClient(localClientConfig(service.url));
    const answer = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'journeys',
            Source: 'hris.example',
            DetailType: 'OfferIssued',
            Detail: '{"offerId":"O-1"}',
          },
          { EventBusName: 'journeys', Source: 'follow-up-journeys', DetailType: 'OfferIssued', Detail: '{}' },
          { EventBusName: 'journeys', Source: 'hris.example', DetailType: 'OfferIssued', Detail: 'not json' },
          { EventBusName: 'elsewhere', Source: 'hris.example', DetailType: 'OfferIssued', Detail: '{}' },
        ],
      }),
    );
    await tracker.whenIdle();
    expect(answer.FailedEntryCount).toBe(2);
    expect(answer.Entries?.map((entry) => entry.ErrorCode)).toEqual([
      undefined,
      undefined,
      'MalformedDetail',
      'ResourceNotFoundException',
    ]);
    expect(invoked).toEqual([
      {
        version: '0',
        id: answer.Entries?.[0]?.EventId,
        'detail-type': 'OfferIssued',
        source: 'hris.example',
        account: '000000000000',
        time: '2026-11-24T01:00:00Z',
        region: 'ap-northeast-1',
        resources: [],
        detail: { offerId: 'O-1' },
      },
    ]);
    expect(service.events().map((entry) => entry.deliveredTo)).toEqual([[RECEIVER], []]);
    client.destroy();
  });

  it('tries a failing target twice more, then hands the event on to its dead-letter queue', async () => {
    failures = 3;
    service.putEvents({
      Entries: [
        { EventBusName: 'journeys', Source: 'hris.example', DetailType: 'OfferIssued', Detail: '{}' },
      ],
    });
    await tracker.whenIdle();
    expect(invoked).toHaveLength(3);
    expect(dead).toHaveLength(1);
  });
});
