import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { JOURNEY_EVENT_SOURCE } from '#shared/domain/journey-event-source.ts';
import type { PublishedJourneyEvent } from '#shared/domain/published-events.ts';

const eventBridge = new EventBridgeClient({});

/** PutEvents takes at most ten entries a call. */
const ENTRIES_PER_CALL = 10;

/**
 * Puts events on the journeys bus, each with its timeline type as detail-type; answers which of them EventBridge
 * did not take, by position, for the caller to try again.
 */
export const publishJourneyEvents = async (events: PublishedJourneyEvent[]): Promise<number[]> => {
  const busName = process.env.EVENT_BUS_NAME;
  if (!busName) throw new Error('EVENT_BUS_NAME is not set');
  const failed: number[] = [];
  for (let start = 0; start < events.length; start += ENTRIES_PER_CALL) {
    const batch = events.slice(start, start + ENTRIES_PER_CALL);
    const entries: PutEventsRequestEntry[] = batch.map((event) => ({
      EventBusName: busName,
      Source: JOURNEY_EVENT_SOURCE,
      DetailType: event.type,
      Time: new Date(event.at),
      Detail: JSON.stringify(event),
    }));
    const result = await eventBridge.send(new PutEventsCommand({ Entries: entries }));
    (result.Entries ?? []).forEach((entry, index) => {
      if (entry.ErrorCode) failed.push(start + index);
    });
  }
  return failed;
};
