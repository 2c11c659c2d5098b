import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from '#infra/local/handler-thread.ts';
import { localBuild, PROJECT_ROOT } from '#infra/project-root.ts';
import type { FunctionSettings } from '#infra/synthesized-template.ts';

/** Runs one invocation of a function whose module its thread has loaded; resolves with its JSON-copied result. */
export type LoadedHandler = (payload: unknown) => Promise<unknown>;

export interface HandlerThreads {
  /**
   * Picks the thread with the fewest invocations under way and has it load the function's module, so the caller
   * can time the invocation alone, as the in-process path does. The caller runs the handler it gets once.
   */
  handler(
    module: string,
    functionName: string,
    settings: FunctionSettings | undefined,
  ): Promise<LoadedHandler>;
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  busy: number;
  loaded: Map<string, Promise<string | undefined>>;
  pending: Map<number, { resolve: (result: string | undefined) => void; reject: (error: Error) => void }>;
}

/** The thread's entry: from the local runtime's build, its compiled file; from the sources, through tsx. */
const threadEntry = (): string =>
  localBuild
    ? join(localBuild.outdir, 'infra', 'local', 'handler-thread.mjs')
    : join(PROJECT_ROOT, 'infra', 'local', 'handler-thread-source.mjs');

const rebuiltError = ({ name, message, stack }: { name: string; message: string; stack?: string }): Error =>
  Object.assign(new Error(message), { name, stack });

/**
 * The handlers on `count` worker threads instead of the runtime's own: on a machine with cores to spare they take
 * the handlers' share of a heavy local run (the SDK's request handling is most of it), while the stand-ins,
 * dynalite and the ASL engine keep the main thread. Each thread is like a Lambda execution environment: it imports
 * a function's module on its first use there and keeps it, and it copies the environment when it starts, with the
 * first invocation, by when the runtime has set every endpoint.
 */
export const startHandlerThreads = (count: number, clock: SharedArrayBuffer): HandlerThreads => {
  const threads: Thread[] = [];
  let closing = false;
  let nextId = 0;

  const startThread = (): Thread => {
    const thread: Thread = {
      worker: new Worker(threadEntry(), { workerData: { clock } }),
      busy: 0,
      loaded: new Map(),
      pending: new Map(),
    };
    const failAll = (error: Error) => {
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    thread.worker.on('message', (reply: ThreadReply) => {
      const waiting = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.result);
      else waiting?.reject(rebuiltError(reply.error));
    });
    // A thread that dies takes the invocations under way in it along, as a crashed environment does on Lambda;
    // a fresh one takes its place.
    thread.worker.on('error', failAll);
    thread.worker.on('exit', (code) => {
      failAll(new Error(`a handler thread exited with code ${code}`));
      const index = threads.indexOf(thread);
      if (!closing && index >= 0) threads[index] = startThread();
    });
    return thread;
  };

  const send = (thread: Thread, request: ThreadRequest): Promise<string | undefined> =>
    new Promise((resolve, reject) => {
      thread.pending.set(request.id, { resolve, reject });
      thread.worker.postMessage(request);
    });

  const leastBusy = (): Thread => {
    while (threads.length < count) threads.push(startThread());
    return threads.reduce((least, thread) => (thread.busy < least.busy ? thread : least));
  };

  return {
    handler: async (module, functionName, settings) => {
      const thread = leastBusy();
      thread.busy += 1;
      try {
        let loading = thread.loaded.get(module);
        if (!loading) {
          loading = send(thread, { kind: 'load', id: nextId++, module });
          thread.loaded.set(module, loading);
        }
        await loading;
      } catch (error) {
        thread.loaded.delete(module);
        thread.busy -= 1;
        throw error;
      }
      return async (payload) => {
        try {
          const result = await send(thread, {
            kind: 'invoke',
            id: nextId++,
            module,
            functionName,
            settings,
            payload: JSON.stringify(payload ?? null),
          });
          return result === undefined ? null : JSON.parse(result);
        } finally {
          thread.busy -= 1;
        }
      };
    },
    close: async () => {
      closing = true;
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
  };
};
