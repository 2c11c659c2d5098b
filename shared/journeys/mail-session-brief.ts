import type { Journey } from '#shared/data/journeys.ts';
import type { SessionBrief } from '#shared/domain/session-brief.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderSessionBrief } from '#shared/email/templates/session-brief.ts';

/**
 * Mails HR the brief for a 1on1 of a round, the round's own or its extra follow-up session, once per meeting.
 */
export const mailSessionBrief = (
  journey: Journey,
  meeting: string,
  session: { round: number; sessionAt: string; followUp?: boolean },
  brief: SessionBrief,
): Promise<void> => {
  const { hire } = journey;
  return sendEmailOnce(
    journey.journeyId,
    `brief#${meeting}`,
    outgoingEmail(
      journey,
      hire.hr,
      renderSessionBrief({
        locale: hire.hr.locale,
        hrName: hire.hr.name,
        employeeName: hire.employee.name,
        zone: hire.timezone,
        brief,
        ...session,
      }),
    ),
  );
};
