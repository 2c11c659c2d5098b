import { recordExecutionStarted, wasExecutionStarted } from '#shared/data/executions.ts';
import { now } from '#shared/time/clock.ts';

export type JourneyMachine =
  | 'STATE_MACHINE_ARN'
  | 'ONBOARDING_STATE_MACHINE_ARN'
  | 'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN'
  | 'ONBOARDING_MILESTONES_STATE_MACHINE_ARN';

const requiredArn = (variable: JourneyMachine): string => {
  const arn = process.env[variable];
  if (!arn) throw new Error(`${variable} is not set`);
  return arn;
};

/** The ARN of a journey's execution: its name is known (the journey id), so it is derived, never stored. */
export const executionArn = (machine: JourneyMachine, name: string): string =>
  `${requiredArn(machine).replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * Onboarding runs as short executions, none near Step Functions' limit of a year: one that plans the rounds on
 * the start date (OnboardingMilestones), then one per round from the round's start to its outcome (Onboarding).
 */
export const onboardingExecutionName = (journeyId: string, round?: number): string =>
  round === undefined ? `${journeyId}-onboarding` : `${journeyId}-onboarding-r${round}`;

/** The end of a journey whose pulse checks went on after its last 1on1: its summary and completion. */
export const onboardingEndExecutionName = (journeyId: string): string => `${journeyId}-onboarding-end`;

/** A round's extra follow-up session, which an alert starts beside the round's own execution. */
export const followUpExecutionName = (journeyId: string, round: number): string =>
  `${onboardingExecutionName(journeyId, round)}-followup`;

/**
 * Every onboarding execution a journey can have, with the state machine each runs on: the one that plans and
 * the one that ends it after its last checks (OnboardingMilestones), and per planned round its own (Onboarding)
 * and its extra follow-up session's (OnboardingFollowUp).
 */
export const onboardingExecutions = (
  journeyId: string,
  rounds: { round: number }[] = [],
): { machine: JourneyMachine; name: string }[] => [
  { machine: 'ONBOARDING_MILESTONES_STATE_MACHINE_ARN', name: onboardingExecutionName(journeyId) },
  { machine: 'ONBOARDING_MILESTONES_STATE_MACHINE_ARN', name: onboardingEndExecutionName(journeyId) },
  ...rounds.flatMap(({ round }) => [
    { machine: 'ONBOARDING_STATE_MACHINE_ARN' as const, name: onboardingExecutionName(journeyId, round) },
    {
      machine: 'ONBOARDING_FOLLOW_UP_STATE_MACHINE_ARN' as const,
      name: followUpExecutionName(journeyId, round),
    },
  ]),
];

/**
 * Starts a journey's execution once, ever. Step Functions alone would not do: it refuses a second start of a
 * name only until 90 days after that execution closed, and an HR retry or a late duplicate delivery can come
 * later than that. So the journey's partition records each start, and a start already recorded is skipped.
 * The record is written after the start, never before: a start that failed must stay to be retried (at least
 * once), and a retry between the two finds the execution by its name (well within 90 days) and writes the record.
 * The input holds ids and counters only: people's names and addresses stay out of the execution history.
 */
export const startExecutionOnce = async (
  machine: JourneyMachine,
  name: string,
  input: { journeyId: string } & Record<string, unknown>,
): Promise<void> => {
  if (await wasExecutionStarted(input.journeyId, name)) return;
  const { executionStarter, StartExecutionCommand } = await import(
    '#shared/journeys/step-functions-client.ts'
  );
  try {
    await executionStarter.send(
      new StartExecutionCommand({
        stateMachineArn: requiredArn(machine),
        name,
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
  }
  await recordExecutionStarted(input.journeyId, name, now());
};
