import type { Journey } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { teamOf } from '#shared/domain/hire.ts';
import { templateOf } from '#shared/domain/journey-template.ts';
import { roundPlan, sessionLocation, sessionMinutesOf } from '#shared/domain/onboarding-schedule.ts';
import { offersThreeParty } from '#shared/domain/onboarding-settings.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import {
  renderSessionInvitation,
  type SessionInvitationInput,
  sessionTitle,
} from '#shared/email/templates/session-invitation.ts';
import { renderTeamSessionReminder } from '#shared/email/templates/team-session-reminder.ts';
import { openTopicsForm } from '#shared/journeys/open-topics-form.ts';
import { sendInvitation } from '#shared/journeys/send-invitation.ts';

export type PrepRole = 'manager' | 'mentor';

/**
 * Opens a round: the new hire is invited to the HR 1on1 (with a link to tell HR beforehand what they would like
 * to talk about), and the manager is reminded to hold their own team session (a separate track). Returns who is
 * asked to prepare: executions started on the definition before one task gathered their prep forms ask each
 * of them from it.
 */
export const startRound = async (
  journey: Journey,
  round: number,
): Promise<{ recipients: { role: PrepRole }[] }> => {
  const { journeyId, hire, onboarding } = journey;
  const plan = roundPlan(journey.rounds, round);
  await appendEvent(journeyId, `round.started#${round}`, {
    type: 'round.started',
    round,
    sessionAt: plan.sessionAt,
  });

  const threeParty = offersThreeParty(onboarding, templateOf(journey), round);
  const topicsUrl = await openTopicsForm(journey, round, plan.sessionAt);
  const invitation: SessionInvitationInput = {
    locale: hire.employee.locale,
    employeeName: hire.employee.name,
    hrName: hire.hr.name,
    round,
    sessionAt: plan.sessionAt,
    zone: hire.timezone,
    durationMinutes: sessionMinutesOf(plan),
    threeParty,
    managerName: hire.manager.name,
    location: sessionLocation(hire, plan),
  };
  await sendInvitation(journey, {
    meeting: `session-r${round}`,
    start: plan.sessionAt,
    durationMinutes: invitation.durationMinutes,
    ...(invitation.location ? { location: invitation.location } : {}),
    title: sessionTitle(hire.employee.locale, hire.hr.name, round),
    rendered: renderSessionInvitation({ ...invitation, topicsUrl }),
    // Calendars are often visible to colleagues: the entry leaves out the new hire's personal topics link.
    calendarText: renderSessionInvitation(invitation).text,
    attendee: hire.employee,
    detail: { round, threeParty },
  });

  await sendEmailOnce(
    journeyId,
    `team-session#r${round}`,
    outgoingEmail(
      journey,
      hire.manager,
      renderTeamSessionReminder({
        locale: hire.manager.locale,
        managerName: hire.manager.name,
        employeeName: hire.employee.name,
        round,
        sessionAt: plan.sessionAt,
        zone: hire.timezone,
      }),
    ),
  );
  await appendEvent(journeyId, `team-session.reminded#${round}`, { type: 'team-session.reminded', round });

  return { recipients: teamOf(hire).map(({ role }) => ({ role })) };
};
