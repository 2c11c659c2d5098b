import { closeAttentionWhere, openAttention } from '#shared/data/attention.ts';
import { advanceJourneyStatus, openStatuses, requireJourney } from '#shared/data/journeys.ts';
import { scheduleNotesExpiry } from '#shared/data/private-notes.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { attentionItemIds, leavesAsJourneyEnds } from '#shared/domain/attention.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderNeedsAttention } from '#shared/email/templates/needs-attention.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time/clock.ts';

export type ClosingStatus = 'declined' | 'lapsed' | 'completed' | 'needs-attention';

export const closeJourney = async (journeyId: string, status: ClosingStatus): Promise<void> => {
  // A journey cancelled while its last step ran stays cancelled; a retried step finds its own status and finishes.
  if (!(await advanceJourneyStatus(journeyId, [...openStatuses, status], status, now()))) {
    logger.info('journey already ended otherwise', { status });
    return;
  }
  if (status === 'needs-attention') {
    // Not completed: a person has to look at it, and the timeline and HR's inbox say so.
    const journey = await requireJourney(journeyId);
    const { hire } = journey;
    await sendEmailOnce(
      journeyId,
      'needs-attention',
      outgoingEmail(
        journey,
        hire.hr,
        renderNeedsAttention({
          locale: hire.hr.locale,
          hrName: hire.hr.name,
          employeeName: hire.employee.name,
          journeyId,
        }),
      ),
    );
    await openAttention(journey, { itemId: attentionItemIds.needsAttention(), kind: 'needs-attention' });
    await appendEvent(journeyId, 'journey.needs-attention', { type: 'journey.needs-attention' });
    return;
  }
  await closeAttentionWhere(journeyId, (item) => leavesAsJourneyEnds(item.kind, 'ended'), status);
  if (status === 'lapsed') await appendEvent(journeyId, 'offer.lapsed', { type: 'offer.lapsed' });
  await appendEvent(journeyId, 'journey.completed', { type: 'journey.completed', outcome: status });
  await scheduleNotesExpiry(journeyId, now());
};
