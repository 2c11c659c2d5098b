import { buildMeetingInvite } from '#shared/calendar/meeting-invite.ts';
import { type InvitationRecord, saveInvitation } from '#shared/data/invitations.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent, type TimelineEventType } from '#shared/data/timeline.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderMeetingCancellation, renderMeetingUpdate } from '#shared/email/templates/meeting-change.ts';
import { now } from '#shared/time/clock.ts';

export type NewInvitation = Omit<InvitationRecord, 'journeyId' | 'sequence' | 'status'> & {
  rendered: RenderedEmail;
  /** Extra detail for the timeline event. */
  detail?: Record<string, unknown>;
};

/**
 * Mails a calendar invitation (or its update or cancellation) from HR. The UID stays the same for the life of a
 * meeting and SEQUENCE rises with each change, so calendars replace the entry instead of adding one.
 */
const mailInvitation = async (
  journey: Journey,
  invitation: InvitationRecord,
  rendered: RenderedEmail,
  eventType: Extract<TimelineEventType, `invitation.${string}`>,
  detail: Record<string, unknown> = {},
): Promise<void> => {
  const { journeyId, hire } = journey;
  const { meeting, sequence } = invitation;
  const method = invitation.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = buildMeetingInvite({
    uid: `${journeyId}.${meeting}@follow-up-journeys`,
    sequence,
    stampedAt: now(),
    method,
    start: invitation.start,
    durationMinutes: invitation.durationMinutes,
    title: invitation.title,
    description: rendered.text,
    organizer: { name: hire.hr.name, email: hire.hr.email },
    attendee: invitation.attendee,
  });
  await sendEmailOnce(
    journeyId,
    `invitation#${meeting}#${sequence}`,
    outgoingEmail(journey, invitation.attendee, rendered, [
      { filename: 'invite.ics', contentType: `text/calendar; method=${method}; charset=UTF-8`, content: ics },
    ]),
  );
  await appendEvent(journeyId, `${eventType}#${meeting}#${sequence}`, {
    type: eventType,
    meeting,
    meetingAt: invitation.start,
    sequence,
    ...detail,
  });
};

export const sendInvitation = async (journey: Journey, invitation: NewInvitation): Promise<void> => {
  const { rendered, detail, ...meeting } = invitation;
  const record: InvitationRecord = { ...meeting, journeyId: journey.journeyId, sequence: 0, status: 'sent' };
  // A retried step finds its invitation saved already and only finishes mailing it.
  await saveInvitation(record);
  await mailInvitation(journey, record, rendered, 'invitation.sent', detail);
};

/**
 * Moves a meeting people were already invited to; false when it has moved or been cancelled meanwhile. Asked
 * for the move it saved last, it only makes sure that update was mailed: a change retried after SES failed
 * still reaches the person, and one that went out is not sent again.
 */
export const moveInvitation = async (
  journey: Journey,
  current: InvitationRecord,
  start: string,
): Promise<boolean> => {
  const previousAt = current.start === start ? current.previousStart : current.start;
  // Never moved: there is no update to mail.
  if (previousAt === undefined) return false;
  const moved: InvitationRecord =
    current.start === start
      ? current
      : { ...current, start, previousStart: previousAt, sequence: current.sequence + 1 };
  if (moved !== current && !(await saveInvitation(moved))) return false;
  const rendered = renderMeetingUpdate({
    locale: current.attendee.locale,
    recipientName: current.attendee.name,
    hrName: journey.hire.hr.name,
    title: current.title,
    meetingAt: start,
    previousAt,
    zone: journey.hire.timezone,
  });
  await mailInvitation(journey, moved, rendered, 'invitation.updated', { previousAt });
  return true;
};

/** Withdraws a meeting; for one already withdrawn, only makes sure the withdrawal was mailed. */
export const cancelInvitation = async (journey: Journey, current: InvitationRecord): Promise<boolean> => {
  const cancelled: InvitationRecord =
    current.status === 'cancelled'
      ? current
      : { ...current, sequence: current.sequence + 1, status: 'cancelled' };
  if (cancelled !== current && !(await saveInvitation(cancelled))) return false;
  const rendered = renderMeetingCancellation({
    locale: current.attendee.locale,
    recipientName: current.attendee.name,
    hrName: journey.hire.hr.name,
    title: current.title,
    meetingAt: current.start,
    zone: journey.hire.timezone,
  });
  await mailInvitation(journey, cancelled, rendered, 'invitation.cancelled');
  return true;
};
