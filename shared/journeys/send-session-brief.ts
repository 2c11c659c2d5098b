import { listForms } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import type { Condition, Wellbeing } from '#shared/domain/form-fields.ts';
import { hasSession, questionWords, templateOf } from '#shared/domain/journey-template.ts';
import { roundPlan } from '#shared/domain/onboarding-schedule.ts';
import { offersThreeParty } from '#shared/domain/onboarding-settings.ts';
import { pulseBriefEntries } from '#shared/domain/pulse-brief.ts';
import { latestRemainingConcerns } from '#shared/domain/remaining-concerns.ts';
import { buildSessionBrief } from '#shared/domain/session-brief.ts';
import { mailLateTopics } from '#shared/journeys/mail-late-topics.ts';
import { mailSessionBrief } from '#shared/journeys/mail-session-brief.ts';

/**
 * Sends HR the brief for a round's 1on1: what the manager and mentor said, how earlier rounds went, and
 * prompts for this stage. A worried manager or mentor raised their alert when they answered (record-answers).
 */
export const sendSessionBrief = async (journeyId: string, round: number): Promise<void> => {
  const journey = await requireJourney(journeyId);
  const { hire, onboarding } = journey;
  const plan = roundPlan(journey.rounds, round);
  const forms = await listForms(journeyId);
  const prep = forms
    .filter((form) => form.kind === 'manager-prep' && form.round === round)
    .sort((a, b) => a.recipient.role.localeCompare(b.recipient.role))
    .map((form) => ({
      role: form.recipient.role as 'manager' | 'mentor',
      name: form.recipient.name,
      status: form.status === 'submitted' ? ('submitted' as const) : ('expired' as const),
      progress: form.answers?.progress,
      wellbeing: form.answers?.wellbeing as Wellbeing | undefined,
      topics: form.answers?.topics,
    }));
  const earlier = forms
    .filter(
      (form) =>
        form.kind === 'session-outcome' &&
        !form.followUp &&
        form.status === 'submitted' &&
        (form.round ?? 0) < round,
    )
    .sort((a, b) => (a.round ?? 0) - (b.round ?? 0))
    .map((form) => ({ round: form.round ?? 0, condition: form.answers?.condition as Condition }));
  const topics = forms.find(
    (form) => form.kind === 'session-topics' && form.round === round && form.status === 'submitted',
  );
  const template = templateOf(journey);
  const threeParty = offersThreeParty(onboarding, template, round);
  const lastFollowUp = forms.find(
    (form) =>
      form.kind === 'session-outcome' &&
      !form.followUp &&
      form.status === 'submitted' &&
      form.round === round - 1,
  )?.answers?.followUp;

  const brief = buildSessionBrief(
    {
      round,
      // Rounds keep their numbers when a journey runs only some of them (a hire posted late).
      roundsTotal: template.cadence.filter(hasSession).length,
      employeeName: hire.employee.name,
      prep,
      earlier,
      threeParty,
      // HR's own records reach HR's brief only; nothing here goes to the manager or mentor.
      offerConcerns: round === 1 ? latestRemainingConcerns(forms) : undefined,
      lastFollowUp: lastFollowUp ? { round: round - 1, text: lastFollowUp } : undefined,
      // The new hire's own words for HR; the team's mails never read this form.
      newHireTopics: topics?.answers,
      // The same, and only HR sees it: the pulse answers with the person's comments.
      pulse: {
        series: pulseBriefEntries(forms),
        zone: hire.timezone,
      },
      prepQuestions: questionWords(template, 'manager-prep', hire.hr.locale),
    },
    hire.hr.locale,
  );
  // Recorded before the brief is mailed (or queued): a retry cannot tell which brief went out, its own or an earlier
  // attempt's without the topics, so what the first attempt recorded decides, and the topics reach HR in the brief
  // or on their own (mailLateTopics), maybe twice, never not at all.
  await appendEvent(journeyId, `brief.sent#session-r${round}`, {
    type: 'brief.sent',
    meeting: `session-r${round}`,
    round,
    prepAnswers: prep.filter((entry) => entry.status === 'submitted').length,
    topicsIncluded: topics !== undefined,
  });
  await mailSessionBrief(journey, `session-r${round}`, { round, sessionAt: plan.sessionAt }, brief);
  // Topics sent while this brief was being written reach HR on their own.
  await mailLateTopics(journey, round);
};
