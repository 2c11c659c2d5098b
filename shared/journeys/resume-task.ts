// What Step Functions answers when the waiting task is gone: it timed out, the execution stopped, or a retry
// replaced the token. The person acting is then too late, which is not a fault of the system.
const closedTaskErrors = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);
const isClosedTask = (error: unknown): boolean => error instanceof Error && closedTaskErrors.has(error.name);

export type ResumeResult = 'resumed' | 'closed';

export const resumeTask = async (taskToken: string, output: unknown): Promise<ResumeResult> => {
  const { stepFunctions, SendTaskSuccessCommand } = await import('#shared/journeys/step-functions-client.ts');
  try {
    await stepFunctions.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return 'resumed';
  } catch (error) {
    if (isClosedTask(error)) return 'closed';
    throw error;
  }
};

/**
 * Tells a task that waits across several asks (HR's outcome) that it still rightly waits. Says whether it does:
 * a task that is gone (the execution stopped, or timed out) is asked nothing more.
 */
export const heartbeatTask = async (taskToken: string): Promise<boolean> => {
  const { stepFunctions, SendTaskHeartbeatCommand } = await import(
    '#shared/journeys/step-functions-client.ts'
  );
  try {
    await stepFunctions.send(new SendTaskHeartbeatCommand({ taskToken }));
    return true;
  } catch (error) {
    if (isClosedTask(error)) return false;
    throw error;
  }
};
