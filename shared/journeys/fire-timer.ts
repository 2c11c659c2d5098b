import { getForm } from '#shared/data/forms.ts';
import { requireJourney } from '#shared/data/journeys.ts';
import { appendEvent } from '#shared/data/timeline.ts';
import { getTimer, markTimerFired } from '#shared/data/timers.ts';
import { outgoingEmail } from '#shared/email/outgoing.ts';
import { sendEmailOnce } from '#shared/email/send-once.ts';
import { expireOpenForm } from '#shared/journeys/expire-form.ts';
import { prepRequestEmail } from '#shared/journeys/prep-request-email.ts';
import { pulseCheckEmail } from '#shared/journeys/pulse-check-email.ts';
import { sendPulseCheck } from '#shared/journeys/pulse-checks.ts';
import { askOutcomeAgain, requestForm } from '#shared/journeys/request-form.ts';
import { resumeTask } from '#shared/journeys/resume-task.ts';
import { sessionOutcomeEmail } from '#shared/journeys/session-outcome-email.ts';
import {
  onboardingEndExecutionName,
  onboardingExecutionName,
  startExecutionOnce,
} from '#shared/journeys/start-execution.ts';
import { createFormLink } from '#shared/links/form-links.ts';
import { logger } from '#shared/observability/logger.ts';

/**
 * Runs a due timer. Each action is idempotent and the timer is marked fired only after it succeeded, so a
 * redelivered or retried schedule neither repeats an effect nor loses one.
 */
export const fireTimer = async (journeyId: string, name: string): Promise<void> => {
  const timer = await getTimer(journeyId, name);
  if (timer?.status !== 'pending') {
    logger.info('timer already handled', { timer: name });
    return;
  }
  const { action } = timer;
  switch (action.kind) {
    case 'remind-form':
      await remindForm(journeyId, action.formId);
      break;
    case 'expire-form':
      await expireOpenForm(journeyId, action.formId);
      break;
    case 'resume-task':
      await resumeTask(action.taskToken, {});
      break;
    case 'request-outcome':
      await requestForm({
        journeyId,
        form: 'session-outcome',
        round: action.round,
        followUp: action.followUp,
        taskToken: action.taskToken,
      });
      break;
    case 'ask-again':
      await askOutcomeAgain(journeyId, action.ask, action.taskToken);
      break;
    // Each input is what the execution's first task takes, so no state has to shape it first.
    case 'begin-onboarding':
      await startExecutionOnce(
        'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
        onboardingExecutionName(journeyId),
        {
          journeyId,
          ending: false,
        },
      );
      break;
    case 'start-round':
      await startExecutionOnce(
        'ONBOARDING_STATE_MACHINE_ARN',
        onboardingExecutionName(journeyId, action.round),
        {
          journeyId,
          round: action.round,
          followUp: false,
        },
      );
      break;
    case 'send-pulse':
      await sendPulseCheck(journeyId, action.check);
      break;
    case 'end-onboarding':
      await startExecutionOnce(
        'ONBOARDING_MILESTONES_STATE_MACHINE_ARN',
        onboardingEndExecutionName(journeyId),
        { journeyId, ending: true },
      );
      break;
  }
  await markTimerFired(journeyId, name);
};

const remindForm = async (journeyId: string, formId: string): Promise<void> => {
  const form = await getForm(journeyId, formId);
  if (form?.status !== 'open') return;
  const journey = await requireJourney(journeyId);
  const formUrl = await createFormLink({
    journeyId,
    formId,
    expiresAt: new Date(form.linkExpiresAt),
    generation: form.linkGeneration,
  });
  if (form.kind === 'pulse') {
    // A journey that ended meanwhile (its last session done) asks nothing more; the check still closes.
    if (journey.status !== 'onboarding') return;
    await sendEmailOnce(journeyId, `pulse.reminded#${formId}`, pulseCheckEmail(journey, form, formUrl, true));
    await appendEvent(journeyId, `pulse.reminded#${formId}`, {
      type: 'pulse.reminded',
      formId,
      check: form.check,
    });
    return;
  }
  if (form.kind === 'session-outcome') {
    await sendEmailOnce(
      journeyId,
      `outcome.reminded#${formId}`,
      outgoingEmail(journey, form.recipient, sessionOutcomeEmail(journey, form, formUrl, true)),
    );
    return;
  }
  await sendEmailOnce(journeyId, `prep.reminded#${formId}`, prepRequestEmail(journey, form, formUrl, true));
  await appendEvent(journeyId, `prep.reminded#${formId}`, {
    type: 'prep.reminded',
    formId,
    role: form.recipient.role,
    ...(form.round ? { round: form.round } : {}),
  });
};
