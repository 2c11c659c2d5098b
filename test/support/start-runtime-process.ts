/**
 * Run in a process of its own by the template cache's tests: starts the local runtime with the template cache in
 * the folder given, and prints whether starting it loaded aws-cdk-lib or an AWS SDK client (CommonJS packages, so
 * their files show in the require cache however they were imported).
 */
import { createRequire } from 'node:module';
import { startLocalRuntime } from '#infra/local/runtime.ts';

const runtime = await startLocalRuntime({ port: 0, templateCacheDir: process.argv[2] });
const answered = (await fetch(`${runtime.apiUrl}/local/clock`)).status;
const loaded = Object.keys(createRequire(import.meta.url).cache);
await runtime.stop();
console.log(
  JSON.stringify({
    answered,
    cdkLoaded: loaded.some((path) => path.includes('/aws-cdk-lib/')),
    sdkClientLoaded: loaded.some((path) => path.includes('/@aws-sdk/client-')),
  }),
);
