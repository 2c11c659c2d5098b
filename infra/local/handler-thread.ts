import { parentPort, workerData } from 'node:worker_threads';
import { readClock } from '#infra/local/clock.ts';
import { handlerModules } from '#infra/local/handler-modules.ts';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import type { FunctionSettings } from '#infra/synthesized-template.ts';
import { useClock } from '#shared/time/clock.ts';

/**
 * One handler thread of the local runtime (see `handler-threads.ts`): like a Lambda execution environment, it
 * imports each function's module once and runs its invocations, many at a time, reading the runtime's virtual clock.
 */

export type ThreadRequest =
  | { kind: 'load'; id: number; module: string }
  | {
      kind: 'invoke';
      id: number;
      module: string;
      functionName: string;
      settings: FunctionSettings | undefined;
      /** JSON, as Lambda hands a handler a fresh copy of its payload. */
      payload: string;
    };

export type ThreadReply =
  | { id: number; ok: true; result?: string }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('handler-thread.ts runs as a worker thread of the local runtime');
useClock(readClock((workerData as { clock: SharedArrayBuffer }).clock));
const handlerIn = handlerModules();

const answer = async (request: ThreadRequest): Promise<string | undefined> => {
  const handler = await handlerIn(request.module);
  if (request.kind === 'load') return undefined;
  const result = await handler(
    JSON.parse(request.payload),
    lambdaContext(request.functionName, request.settings),
  );
  return result === undefined ? undefined : JSON.stringify(result);
};

port.on('message', (request: ThreadRequest) => {
  answer(request).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ThreadReply),
    (error: unknown) => {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, ok: false, error: { name, message, stack } } satisfies ThreadReply);
    },
  );
});
