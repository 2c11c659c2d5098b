import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '#infra/local/clock.ts';
import { type HandlerThreads, startHandlerThreads } from '#infra/local/handler-threads.ts';

const module = (name: string) => pathToFileURL(`${import.meta.dirname}/thread-handlers/${name}.ts`).href;
const START = new Date('2026-11-24T01:00:00Z');

let threads: HandlerThreads | undefined;
afterEach(async () => {
  await threads?.close();
  threads = undefined;
});

const invoke = async (name: string, payload: unknown) =>
  (await threads?.handler(module(name), `local-${name}`, undefined))?.(payload);

describe('startHandlerThreads', () => {
  it('runs a handler on a copy of its payload, named as its function, at the virtual time', async () => {
    const clock = new VirtualClock(START);
    threads = startHandlerThreads(1, clock.shared);

    const first = await invoke('echo', { wait: 0, nested: { list: [1, 'two'] } });
    clock.set(new Date('2027-01-04T00:00:00Z'));
    const second = await invoke('echo', {});

    expect(first).toMatchObject({
      event: { wait: 0, nested: { list: [1, 'two'] } },
      functionName: 'local-echo',
      // Returned as a Date, handed back as JSON, as Lambda serializes a result.
      at: START.toISOString(),
    });
    expect(second).toMatchObject({ at: '2027-01-04T00:00:00.000Z' });
  });

  it('spreads invocations under way over its threads', async () => {
    threads = startHandlerThreads(2, new VirtualClock(START).shared);
    await invoke('echo', {});

    const results = (await Promise.all([invoke('echo', { wait: 200 }), invoke('echo', { wait: 200 })])) as {
      threadId: number;
    }[];

    expect(new Set(results.map((result) => result.threadId)).size).toBe(2);
  });

  it("hands a handler's error back with its name and message", async () => {
    threads = startHandlerThreads(1, new VirtualClock(START).shared);

    await expect(invoke('fails', {})).rejects.toMatchObject({
      name: 'JourneyErased',
      message: 'the journey was erased',
    });
  });

  it('fails the invocation whose thread ended, and runs the next on a fresh thread', async () => {
    threads = startHandlerThreads(1, new VirtualClock(START).shared);
    const before = (await invoke('echo', {})) as { threadId: number };

    await expect(invoke('fails', { exit: true })).rejects.toThrow('a handler thread exited with code 3');
    const after = (await invoke('echo', {})) as { threadId: number };

    expect(after.threadId).not.toBe(before.threadId);
  });
});
