import { buildMeetingInvite } from '#shared/calendar/meeting-invite.ts';
import { getInvitation, type InvitationRecord, saveInvitation } from '#shared/data/invitations.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { meetingUidFor } from '#shared/domain/ids.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { EmailWithdrawn, sendEmailOnce, settleSends } from '#shared/email/send-once.ts';
import { renderMeetingCancellation, renderMeetingUpdate } from '#shared/email/templates/meeting-change.ts';
import { renderOrganizerCopy } from '#shared/email/templates/organizer-copy.ts';
import { identifierKey } from '#shared/identifiers/identifier-key.ts';
import { now } from '#shared/time/clock.ts';

export type NewInvitation = Omit<InvitationRecord, 'journeyId' | 'uid' | 'sequence' | 'status'> & {
  rendered: RenderedEmail;
  /** Extra detail for the timeline event. */
  detail?: Record<string, unknown>;
  /**
   * The calendar entry's description, when the email holds what a calendar others can see must not: a personal
   * form link. The email's text otherwise.
   */
  calendarText?: string;
};

const organizerChange = {
  'invitation.sent': 'sent',
  'invitation.updated': 'moved',
  'invitation.cancelled': 'cancelled',
} as const;

/**
 * Mails a calendar invitation (or its update or cancellation) from HR. The UID stays the same for the life of a
 * meeting and SEQUENCE rises with each change, so calendars replace the entry instead of adding one. HR, the
 * organizer, gets the same entry in a short mail of their own (PUBLISH, nothing to answer; CANCEL to remove
 * it), so the meeting sits in their calendar too without anyone forwarding the person's mail, which may hold
 * that person's own form link.
 *
 * An invitation or update is mailed only while the meeting is still as it says and its journey open: one waiting
 * in the mail queue when HR moves or withdraws the meeting, or the journey ends, is withdrawn (EmailWithdrawn),
 * so the later change is the last the person hears. A withdrawal always goes out.
 */
const mailInvitation = async (
  journey: Journey,
  invitation: InvitationRecord,
  rendered: RenderedEmail,
  eventType: keyof typeof organizerChange,
  detail: Record<string, unknown> = {},
  calendarText = rendered.text,
  toAttendee = true,
): Promise<void> => {
  const { journeyId, hire } = journey;
  const { meeting, sequence } = invitation;
  const cancelled = invitation.status === 'cancelled';
  const options = cancelled ? {} : { meeting: { meeting, sequence } };
  const entry = async (method: 'REQUEST' | 'CANCEL' | 'PUBLISH') => ({
    method,
    content: await buildMeetingInvite({
      uid: invitation.uid ?? unkeyedMeetingUid(invitation),
      sequence,
      stampedAt: now(),
      method,
      start: invitation.start,
      durationMinutes: invitation.durationMinutes,
      title: invitation.title,
      description: calendarText,
      ...(invitation.location ? { location: invitation.location } : {}),
      organizer: { name: hire.hr.name, email: hire.hr.email },
      attendee: invitation.attendee,
    }),
  });
  if (toAttendee) {
    await sendEmailOnce(
      journeyId,
      `invitation#${meeting}#${sequence}`,
      outgoingEmail(journey, invitation.attendee, rendered, await entry(cancelled ? 'CANCEL' : 'REQUEST')),
      options,
    );
  }
  const organizerCopy = renderOrganizerCopy({
    locale: hire.hr.locale,
    hrName: hire.hr.name,
    attendeeName: invitation.attendee.name,
    title: invitation.title,
    meetingAt: invitation.start,
    zone: hire.timezone,
    ...(invitation.location ? { location: invitation.location } : {}),
    change: organizerChange[eventType],
  });
  await sendEmailOnce(
    journeyId,
    `invitation#${meeting}#${sequence}#organizer`,
    outgoingEmail(journey, hire.hr, organizerCopy, await entry(cancelled ? 'CANCEL' : 'PUBLISH')),
    options,
  );
  await appendEvent(journeyId, `${eventType}#${meeting}#${sequence}`, {
    type: eventType,
    meeting,
    meetingAt: invitation.start,
    sequence,
    ...detail,
  });
};

/** The UID of a meeting first sent before UIDs were keyed: its calendar entry keeps it for its updates. */
const unkeyedMeetingUid = ({ journeyId, meeting }: InvitationRecord): string =>
  `${journeyId}.${meeting}@follow-up-journeys`;

export const sendInvitation = async (journey: Journey, invitation: NewInvitation): Promise<void> => {
  const { rendered, detail, calendarText, ...meeting } = invitation;
  const { journeyId } = journey;
  const uid = meetingUidFor(journeyId, meeting.meeting, await identifierKey());
  const record: InvitationRecord = { ...meeting, journeyId, uid, sequence: 0, status: 'sent' };
  // A retried step finds its invitation saved already and only finishes mailing it.
  await saveInvitation(record);
  try {
    await mailInvitation(journey, record, rendered, 'invitation.sent', detail, calendarText);
  } catch (error) {
    // Moved or withdrawn since (a retried step): that change was mailed, this one is past.
    if (!(error instanceof EmailWithdrawn)) throw error;
  }
};

/**
 * Moves a meeting people were already invited to, or changes where it takes place; false when nothing changed,
 * or it has changed or been cancelled meanwhile. Asked for the change it saved last, it only makes sure that
 * update was mailed: a change retried after SES failed still reaches the person, and one that went out is not
 * sent again. An update whose journey ends (a cancellation) before it goes out is never sent: the withdrawal is
 * the last the person hears.
 */
export const updateInvitation = async (
  journey: Journey,
  current: InvitationRecord,
  meeting: { start: string; location: string | undefined },
): Promise<boolean> => {
  const changed = current.start !== meeting.start || current.location !== meeting.location;
  // Never changed: there is no update to mail.
  if (!changed && current.sequence === 0) return false;
  const { location: _location, previousLocation: _previousLocation, ...withoutPlace } = current;
  const updated: InvitationRecord = changed
    ? {
        ...withoutPlace,
        start: meeting.start,
        ...(meeting.location === undefined ? {} : { location: meeting.location }),
        previousStart: current.start,
        ...(current.location === undefined ? {} : { previousLocation: current.location }),
        sequence: current.sequence + 1,
      }
    : current;
  if (changed && !(await saveInvitation(updated))) return false;
  const previousAt = updated.previousStart ?? updated.start;
  const rendered = renderMeetingUpdate({
    locale: current.attendee.locale,
    recipientName: current.attendee.name,
    hrName: journey.hire.hr.name,
    title: current.title,
    meetingAt: updated.start,
    ...(previousAt === updated.start ? {} : { previousAt }),
    ...(updated.location === updated.previousLocation
      ? {}
      : { place: { now: updated.location, before: updated.previousLocation } }),
    zone: journey.hire.timezone,
  });
  try {
    await mailInvitation(
      journey,
      updated,
      rendered,
      'invitation.updated',
      previousAt === updated.start ? {} : { previousAt },
    );
  } catch (error) {
    if (error instanceof EmailWithdrawn) return false;
    throw error;
  }
  return true;
};

/**
 * Withdraws a meeting; for one already withdrawn, only makes sure the withdrawal was mailed. A move saved
 * meanwhile is withdrawn as it now is, and an update of it already on its way goes out before the withdrawal.
 * Without `toAttendee`, only HR's copy is withdrawn: for someone who has left, whose address may be gone.
 */
export const cancelInvitation = async (
  journey: Journey,
  invitation: InvitationRecord,
  toAttendee = true,
): Promise<boolean> => {
  let current: InvitationRecord | undefined = invitation;
  while (current && current.status !== 'cancelled') {
    const withdrawn: InvitationRecord = { ...current, sequence: current.sequence + 1, status: 'cancelled' };
    current = (await saveInvitation(withdrawn))
      ? withdrawn
      : await getInvitation(journey.journeyId, invitation.meeting);
  }
  if (!current) return false;
  await settleSends(journey.journeyId, `invitation#${current.meeting}#`);
  const rendered = renderMeetingCancellation({
    locale: current.attendee.locale,
    recipientName: current.attendee.name,
    hrName: journey.hire.hr.name,
    title: current.title,
    meetingAt: current.start,
    zone: journey.hire.timezone,
  });
  await mailInvitation(journey, current, rendered, 'invitation.cancelled', {}, rendered.text, toAttendee);
  return true;
};
