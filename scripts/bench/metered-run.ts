import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UsageCounts } from '#infra/local/usage-meter.ts';

const repoRoot = new URL('../../', import.meta.url);

/**
 * Runs a script that starts the local runtime in a process of its own, as `npm run` would, with the runtime's
 * usage meter on, and returns what the run used and what the script printed. A fresh process keeps one measurement's
 * clock, environment and loaded handlers out of the next.
 */
export const meteredRun = async (
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ usage: UsageCounts; seconds: number; stdout: string }> => {
  const directory = await mkdtemp(join(tmpdir(), 'bench-'));
  const usageFile = join(directory, 'usage.json');
  const started = performance.now();
  try {
    const stdout: Buffer[] = [];
    const output: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: repoRoot,
        env: { ...process.env, ...env, LOCAL_USAGE_FILE: usageFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => {
        stdout.push(chunk);
        output.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      throw new Error(
        `${script} exited with ${code}:\n${Buffer.concat(output).toString('utf8').slice(-2000)}`,
      );
    }
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as UsageCounts;
    return {
      usage,
      seconds: (performance.now() - started) / 1000,
      stdout: Buffer.concat(stdout).toString('utf8'),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};
