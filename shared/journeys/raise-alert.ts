import { openAttention } from '#shared/data/attention.ts';
import { listForms } from '#shared/data/forms.ts';
import { listInvitations } from '#shared/data/invitations.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { loadCompanyCalendar } from '#shared/data/load-company-calendar.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { alertRecipients } from '#shared/domain/alert-recipients.ts';
import { alertIdFor, attentionItemIds } from '#shared/domain/attention.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import { followUpSessionAt } from '#shared/domain/onboarding-schedule.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { type AlertReason, type PulseSignal, renderAlert } from '#shared/email/templates/alert.ts';
import { renderSessionInvitation, sessionTitle } from '#shared/email/templates/session-invitation.ts';
import { followUpMeeting } from '#shared/journeys/follow-up-session.ts';
import { sendInvitation } from '#shared/journeys/send-invitation.ts';
import { followUpExecutionName, startExecutionOnce } from '#shared/journeys/start-execution.ts';
import { now } from '#shared/time/clock.ts';

export type { AlertReason, PulseSignal };

/** Where the alert came from, as HR's timeline names it. */
const sources: Record<AlertReason, 'manager' | 'mentor' | 'session' | 'pulse'> = {
  'manager-worried': 'manager',
  'mentor-worried': 'mentor',
  'condition-alert': 'session',
  'follow-up-alert': 'session',
  pulse: 'pulse',
};

/** A pulse alert is raised by one check: each check may raise its own, a retry of the same one none. */
export interface PulseAlert extends PulseSignal {
  formId: string;
}

/**
 * A worried manager or mentor, or an alert from the 1on1, calls for individual follow-up: the HR lead and the
 * HR contact are told, and the new hire is offered an extra session within a few business days, with its own
 * invitation. The extra session then runs as a round of its own (an execution beside the round's: HR's brief,
 * the session, its outcome, consent-gated sharing). One extra session a round: a second alert in the round
 * tells HR again and points to it. Every step is keyed by the round and reason, so raising the same alert again sends nothing twice.
 */
export const raiseAlert = async (
  journeyId: string,
  round: number,
  reason: AlertReason,
  pulse?: PulseAlert,
): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire, onboarding } = journey;
  const meeting = followUpMeeting(round);
  // An extra session is booked like the journey's 1on1s.
  const { sessionMinutes } = templateOf(journey);
  const calendar = await loadCompanyCalendar();
  const key = pulse ? `r${round}#pulse#${pulse.formId}` : `r${round}#${reason}`;
  const proposed = (await listInvitations(journeyId)).find((invitation) => invitation.meeting === meeting);
  // A retry of the alert that proposed the session finds its own invitation: for it, nothing was proposed before.
  const alreadyProposed = proposed !== undefined && proposed.proposedBy !== key;
  const followUpAt =
    proposed?.start ??
    followUpSessionAt(now(), hire, onboarding, calendar).toISO({ suppressMilliseconds: true }) ??
    '';

  const recipients = alertRecipients(hire, onboarding, {
    email: process.env.HR_LEAD_EMAIL,
    name: process.env.HR_LEAD_NAME,
  });
  for (const recipient of recipients) {
    await sendEmailOnce(
      journeyId,
      recipient.audience === 'lead' ? `alert#${key}` : `alert#${key}#hr`,
      outgoingEmail(
        journey,
        { name: recipient.name ?? '', email: recipient.email },
        renderAlert({
          locale: recipient.locale,
          audience: recipient.audience,
          recipientName: recipient.name,
          hrName: hire.hr.name,
          leadTold: recipient.audience === 'contact' && recipient.leadTold,
          employeeName: hire.employee.name,
          round,
          reason,
          pulse,
          followUpAt,
          alreadyProposed,
          zone: hire.timezone,
        }),
      ),
    );
  }
  if (!alreadyProposed) {
    const afterSession =
      reason === 'condition-alert' ||
      (await listForms(journeyId)).some(
        (form) => form.kind === 'session-outcome' && form.status === 'submitted',
      );
    await sendInvitation(journey, {
      meeting,
      proposedBy: key,
      start: followUpAt,
      durationMinutes: sessionMinutes,
      ...(hire.location ? { location: hire.location } : {}),
      title: sessionTitle(hire.employee.locale, hire.hr.name, round, true),
      rendered: renderSessionInvitation({
        locale: hire.employee.locale,
        employeeName: hire.employee.name,
        hrName: hire.hr.name,
        round,
        sessionAt: followUpAt,
        zone: hire.timezone,
        durationMinutes: sessionMinutes,
        threeParty: false,
        managerName: hire.manager.name,
        location: hire.location,
        followUp: { afterSession },
      }),
      attendee: hire.employee,
      detail: { round, followUp: true },
    });
    // After the invitation it reads: the session's brief says why it was raised, from who proposed it.
    await startExecutionOnce(
      'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN',
      followUpExecutionName(journeyId, round),
      {
        journeyId,
        round,
        followUp: true,
      },
    );
  }
  const alertId = alertIdFor(key);
  const source = sources[reason];
  // In HR's queue until handled: a retry finds it there, or handled, and leaves it so.
  await openAttention(journey, {
    itemId: attentionItemIds.alert(alertId),
    kind: 'alert',
    alertId,
    round,
    reason,
    source,
    ...(pulse ? { cause: pulse.cause } : {}),
  });
  await appendEvent(journeyId, `alert.raised#${key}`, {
    type: 'alert.raised',
    alertId,
    round,
    reason,
    source,
    ...(pulse ? { formId: pulse.formId, cause: pulse.cause } : {}),
    followUpAt,
  });
};
