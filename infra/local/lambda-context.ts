import type { Context } from 'aws-lambda';
import type { FunctionSettings } from '#infra/synthesized-template.ts';

/**
 * What a Lambda handler reads from its context locally: a name, a request id and a time budget that runs down
 * from the function's timeout, as Lambda's does, from the moment the invocation starts.
 */
export const lambdaContext = (
  functionName: string,
  settings: FunctionSettings = { memoryMb: 256, timeoutMs: 30_000 },
): Context => {
  const endsAt = Date.now() + settings.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-northeast-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(settings.memoryMb),
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
