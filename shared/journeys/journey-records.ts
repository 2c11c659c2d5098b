import { type FormRecord, listForms } from '#shared/data/forms.ts';
import { type InvitationRecord, listInvitations } from '#shared/data/invitations.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { listTimeline, type TimelineEvent } from '#shared/data/timeline.ts';
import { journeyOfRequest } from '#shared/http/missing-journey.ts';

/** Everything HR reads about one journey, but private notes, which are read only for those allowed them. */
export interface JourneyRecords {
  journey: Journey;
  timeline: TimelineEvent[];
  forms: FormRecord[];
  invitations: InvitationRecord[];
}

/** A journey's records, for the API's view and the console's page alike (404 or 410 when there is none). */
export const loadJourneyRecords = async (journeyId: string): Promise<JourneyRecords> => {
  const journey = await journeyOfRequest(journeyId);
  const [timeline, forms, invitations] = await Promise.all([
    listTimeline(journeyId),
    listForms(journeyId),
    listInvitations(journeyId),
  ]);
  return { journey, timeline, forms, invitations };
};
