import { SFNClient } from '@aws-sdk/client-sfn';

export {
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';

/**
 * Imported with a function's first call to Step Functions (to start, resume or stop an execution), and created
 * once per container: many of the console's actions and forms' answers never make one.
 */
export const stepFunctions = new SFNClient({});

/**
 * StartExecution is rate-limited per account; a cohort started together backs off and retries (adaptively, keyed
 * by the execution name, so a retry never starts a second execution) rather than failing a start.
 */
export const executionStarter = new SFNClient({ retryMode: 'adaptive', maxAttempts: 8 });
