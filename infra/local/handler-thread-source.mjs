/**
 * A handler thread's entry when the local runtime runs from its sources (the tests): a worker thread inherits
 * neither vitest's module loading nor tsx's launcher, so it registers tsx itself before loading the TypeScript.
 */
import { register } from 'tsx/esm/api';

register();
await import('./handler-thread.ts');
