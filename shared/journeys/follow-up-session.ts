import { getInvitation } from '#shared/data/invitations.ts';
import { proposingReason } from '#shared/domain/round-progress.ts';
import type { AlertReason } from '#shared/email/templates/alert.ts';

/** The meeting a round's extra follow-up session is known by: part of its calendar UID. */
export const followUpMeeting = (round: number): string => `follow-up-r${round}`;

export interface FollowUpSession {
  /** ISO 8601 date-time, as the new hire's calendar holds it. */
  start: string;
  durationMinutes: number;
  /** The alert that proposed it. */
  reason: AlertReason;
}

/** A round's extra session, read from its invitation: the alert that proposed it sent it before starting it. */
export const followUpSession = async (journeyId: string, round: number): Promise<FollowUpSession> => {
  const invitation = await getInvitation(journeyId, followUpMeeting(round));
  if (!invitation) throw new Error(`no extra session was proposed in round ${round}`);
  return {
    start: invitation.start,
    durationMinutes: invitation.durationMinutes,
    reason: proposingReason(invitation.proposedBy),
  };
};
