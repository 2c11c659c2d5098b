#!/usr/bin/env node
// The CLI is TypeScript like the rest of the project: tsx's loader runs it as is, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../shared/cli/main.ts');
const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
});
