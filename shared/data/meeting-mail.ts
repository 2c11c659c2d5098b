import { getInvitation } from '#shared/data/invitations.ts';
import { getJourney, isOpen } from '#shared/data/journeys.ts';
import type { MeetingVersion } from '#shared/email/queued-email.ts';

/**
 * Mail about a meeting that should no longer go out: its journey has ended, or the meeting has been moved again
 * or withdrawn since the mail was made (a later version is mailed instead, or its withdrawal).
 */
export const meetingMailOutdated = async (
  journeyId: string,
  { meeting, sequence }: MeetingVersion,
): Promise<boolean> => {
  const [journey, invitation] = await Promise.all([getJourney(journeyId), getInvitation(journeyId, meeting)]);
  return (
    !journey || !isOpen(journey.status) || invitation?.status !== 'sent' || invitation.sequence !== sequence
  );
};
