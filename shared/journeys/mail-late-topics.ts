import { getForm } from '#shared/data/forms.ts';
import type { Journey } from '#shared/data/journeys.ts';
import { listTimeline } from '#shared/data/timeline.ts';
import { roundPlan } from '#shared/domain/onboarding-schedule.ts';
import { newHireTopicsSection } from '#shared/domain/session-brief.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { renderTopicsUpdate } from '#shared/email/templates/topics-update.ts';
import { topicsFormId } from '#shared/journeys/open-topics-form.ts';

/**
 * Mails HR the new hire's topics when they missed the round's brief. Both sides of that race call it, the
 * submission once its answers are saved and the brief once it is recorded, so whichever comes second sends it,
 * and only once (keyed by the round). HR only: the manager and mentor never hear of it.
 */
export const mailLateTopics = async (journey: Journey, round: number): Promise<void> => {
  const { journeyId, hire } = journey;
  const brief = (await listTimeline(journeyId)).find(
    (event) => event.type === 'brief.sent' && event.meeting === `session-r${round}`,
  );
  if (!brief || brief.topicsIncluded === true) return;
  const form = await getForm(journeyId, topicsFormId(journeyId, round));
  if (form?.status !== 'submitted') return;
  const section = newHireTopicsSection(form.answers, hire.hr.locale);
  if (!section) return;
  await sendEmailOnce(
    journeyId,
    `topics-update#session-r${round}`,
    outgoingEmail(
      journey,
      hire.hr,
      renderTopicsUpdate({
        locale: hire.hr.locale,
        hrName: hire.hr.name,
        employeeName: hire.employee.name,
        round,
        sessionAt: roundPlan(journey.rounds, round).sessionAt,
        zone: hire.timezone,
        section,
      }),
    ),
  );
};
