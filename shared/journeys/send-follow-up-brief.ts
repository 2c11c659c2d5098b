import { listForms } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { buildFollowUpBrief } from '#shared/domain/follow-up-brief.ts';
import type { Wellbeing } from '#shared/domain/form-fields.ts';
import { pulseBriefEntries } from '#shared/domain/pulse-brief.ts';
import { followUpMeeting, followUpSession } from '#shared/journeys/follow-up-session.ts';
import { mailSessionBrief } from '#shared/journeys/mail-session-brief.ts';

/**
 * Sends HR the brief for a round's extra follow-up session as soon as an alert proposed it: why it was raised,
 * what the manager and mentor said this round, and prompts for individual follow-up.
 */
export const sendFollowUpBrief = async (journeyId: string, round: number): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire } = journey;
  const session = await followUpSession(journeyId, round);
  const forms = await listForms(journeyId);
  const prep = forms
    .filter((form) => form.kind === 'manager-prep' && form.round === round && form.status === 'submitted')
    .sort((a, b) => a.recipient.role.localeCompare(b.recipient.role))
    .map((form) => ({
      role: form.recipient.role as 'manager' | 'mentor',
      name: form.recipient.name,
      status: 'submitted' as const,
      progress: form.answers?.progress,
      wellbeing: form.answers?.wellbeing as Wellbeing | undefined,
      topics: form.answers?.topics,
    }));
  // HR's own "what to check next time" from the 1on1 whose alert raised the session; never its private notes.
  const roundOutcome = forms.find(
    (form) =>
      form.kind === 'session-outcome' &&
      form.round === round &&
      !form.followUp &&
      form.status === 'submitted',
  );
  const brief = buildFollowUpBrief(
    {
      round,
      employeeName: hire.employee.name,
      reason: session.reason,
      prep,
      checkNext: session.reason === 'condition-alert' ? roundOutcome?.answers?.followUp : undefined,
      pulse: { series: pulseBriefEntries(forms), zone: hire.timezone },
    },
    hire.hr.locale,
  );
  const meeting = followUpMeeting(round);
  await mailSessionBrief(journey, meeting, { round, sessionAt: session.start, followUp: true }, brief);
  await appendEvent(journeyId, `brief.sent#${meeting}`, {
    type: 'brief.sent',
    meeting,
    round,
    followUp: true,
    reason: session.reason,
  });
};
