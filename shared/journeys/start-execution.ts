import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

// StartExecution is rate-limited per account; a cohort started together backs off and retries (adaptively,
// keyed by the execution name, so a retry never starts a second execution) rather than failing a start.
const sfn = new SFNClient({ retryMode: 'adaptive', maxAttempts: 8 });

export type JourneyMachine = 'STATE_MACHINE_ARN' | 'ONBOARDING_STATE_MACHINE_ARN';

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
 * the start date, then one per round from the round's start to its outcome.
 */
export const onboardingExecutionName = (journeyId: string, round?: number): string =>
  round === undefined ? `${journeyId}-onboarding` : `${journeyId}-onboarding-r${round}`;

/** A round's extra follow-up session, which an alert starts beside the round's own execution. */
export const followUpExecutionName = (journeyId: string, round: number): string =>
  `${onboardingExecutionName(journeyId, round)}-followup`;

/**
 * Every onboarding execution a journey can have: the one that plans, and per planned round its own and its
 * extra follow-up session's.
 */
export const onboardingExecutionNames = (journeyId: string, rounds: { round: number }[] = []): string[] => [
  onboardingExecutionName(journeyId),
  ...rounds.flatMap(({ round }) => [
    onboardingExecutionName(journeyId, round),
    followUpExecutionName(journeyId, round),
  ]),
];

/**
 * Starts a journey's execution once. Execution names are unique per state machine, so a repeated start finds
 * the execution already there, running or (when that phase has ended) closed. The input holds ids and counters
 * only: people's names and addresses stay out of the execution history.
 */
export const startExecutionOnce = async (
  machine: JourneyMachine,
  name: string,
  input: Record<string, unknown>,
): Promise<void> => {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: requiredArn(machine),
        name,
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
};
