import { loadCompanyCalendar } from '#shared/data/company-calendar.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { followUpSessionAt, SESSION_MINUTES } from '#shared/domain/onboarding-schedule.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderAlert } from '#shared/email/templates/alert.ts';
import { renderSessionInvitation, sessionTitle } from '#shared/email/templates/session-invitation.ts';
import { sendInvitation } from '#shared/journeys/send-invitation.ts';
import { now } from '#shared/time/clock.ts';

export type AlertReason = 'manager-worried' | 'condition-alert';

/**
 * A worried manager or an alert from the 1on1 calls for individual follow-up: the HR lead is told, and the new
 * hire is offered an extra session within a few business days, with its own invitation.
 */
export const raiseAlert = async (journeyId: string, round: number, reason: AlertReason): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire, onboarding } = journey;
  const calendar = await loadCompanyCalendar();
  const followUpAt =
    followUpSessionAt(now(), hire, onboarding, calendar).toISO({ suppressMilliseconds: true }) ?? '';
  const lead = {
    name: hire.hr.name,
    email: onboarding.hrLeadEmail ?? process.env.HR_LEAD_EMAIL ?? hire.hr.email,
    locale: hire.hr.locale,
  };
  const key = `r${round}#${reason}`;
  await sendEmailOnce(
    journeyId,
    `alert#${key}`,
    outgoingEmail(
      journey,
      lead,
      renderAlert({
        locale: lead.locale,
        recipientName: lead.name,
        employeeName: hire.employee.name,
        round,
        reason,
        followUpAt,
        zone: hire.timezone,
      }),
    ),
  );
  await sendInvitation(journey, {
    meeting: `follow-up-r${round}-${reason}`,
    start: followUpAt,
    durationMinutes: SESSION_MINUTES,
    title: sessionTitle(hire.employee.locale, hire.hr.name, round, true),
    rendered: renderSessionInvitation({
      locale: hire.employee.locale,
      employeeName: hire.employee.name,
      hrName: hire.hr.name,
      round,
      sessionAt: followUpAt,
      zone: hire.timezone,
      durationMinutes: SESSION_MINUTES,
      threeParty: false,
      managerName: hire.manager.name,
      followUp: true,
    }),
    attendee: hire.employee,
    detail: { round, followUp: true },
  });
  await appendEvent(journeyId, `alert.raised#${key}`, { type: 'alert.raised', round, reason, followUpAt });
};
