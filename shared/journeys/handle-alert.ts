import { closeAttention, getAttention, isStillOpen } from '#shared/data/attention.ts';
import { appendEvent, getEvent } from '#shared/data/timeline.ts';
import { attentionItemIds } from '#shared/domain/attention.ts';

export type HandleResult =
  | { outcome: 'handled'; handledAt: string }
  | { outcome: 'not-found' }
  | { outcome: 'already-handled' }
  | { outcome: 'no-longer-open' };

/**
 * HR marks an alert handled, with a short note of what was done: the timeline records it (`alert.handled`, the
 * note in HR's own words, and who) and the alert leaves the queue. The event is keyed by the alert, so it is
 * recorded once: the same note from the same person again (a retry) answers as the first time and adds nothing,
 * a different one is refused. An alert that left the queue otherwise (its journey was cancelled) is not handled
 * after the fact. The note is never logged nor mailed.
 */
export const handleAlert = async (
  journeyId: string,
  alertId: string,
  note: string,
  by: string,
): Promise<HandleResult> => {
  const itemId = attentionItemIds.alert(alertId);
  const item = await getAttention(journeyId, itemId);
  if (item?.kind !== 'alert') return { outcome: 'not-found' };
  const key = `alert.handled#${alertId}`;
  const earlier = await getEvent(journeyId, key);
  if (!earlier) {
    if (!isStillOpen(item)) return { outcome: 'no-longer-open' };
    // Two HR people at once: one event is written, and the other finds it below.
    await appendEvent(journeyId, key, { type: 'alert.handled', alertId, round: item.round, by, note });
  }
  const handled = earlier ?? (await getEvent(journeyId, key));
  if (!handled) throw new Error('alert.handled vanished after it was recorded');
  if (handled.note !== note || handled.by !== by) return { outcome: 'already-handled' };
  // A retry finishes what an attempt stopped after the event left undone.
  await closeAttention(journeyId, itemId, 'handled');
  return { outcome: 'handled', handledAt: handled.at };
};
