import { AsyncLocalStorage } from 'node:async_hooks';

const personWaiting = new AsyncLocalStorage<true>();

/**
 * Runs a request a person is waiting on (HR's API, a form's submission): mail it sends goes out at once, not
 * through the queue. There are few such emails, and a person should not wait for a cohort's.
 */
export const whilePersonWaits = <T>(fn: () => Promise<T>): Promise<T> => personWaiting.run(true, fn);

export const personIsWaiting = (): boolean => personWaiting.getStore() === true;
