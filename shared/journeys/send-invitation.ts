import { buildMeetingInvite } from '#shared/calendar/meeting-invite.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';

export interface Invitation {
  /** Names the meeting within the journey (`offer-meeting`, `session-r2`): its calendar UID and dedupe key. */
  meeting: string;
  sequence: number;
  start: string;
  durationMinutes: number;
  title: string;
  rendered: RenderedEmail;
  attendee: { name: string; email: string };
  /** Extra detail for the timeline event. */
  detail?: Record<string, unknown>;
}

/**
 * Mails a meeting invitation with a calendar file from HR. The UID stays the same for the meeting, so a later
 * update (a higher SEQUENCE) replaces the entry in the person's calendar instead of adding one.
 */
export const sendInvitation = async (journey: Journey, invitation: Invitation): Promise<void> => {
  const { journeyId, hire } = journey;
  const { meeting, sequence } = invitation;
  const ics = buildMeetingInvite({
    uid: `${journeyId}.${meeting}@follow-up-journeys`,
    sequence,
    method: 'REQUEST',
    start: invitation.start,
    durationMinutes: invitation.durationMinutes,
    title: invitation.title,
    description: invitation.rendered.text,
    organizer: { name: hire.hr.name, email: hire.hr.email },
    attendee: invitation.attendee,
  });
  await sendEmailOnce(
    journeyId,
    `invitation#${meeting}#${sequence}`,
    outgoingEmail(journey, invitation.attendee, invitation.rendered, [
      { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics },
    ]),
  );
  await appendEvent(journeyId, `invitation.sent#${meeting}#${sequence}`, {
    type: 'invitation.sent',
    meeting,
    meetingAt: invitation.start,
    sequence,
    ...invitation.detail,
  });
};
