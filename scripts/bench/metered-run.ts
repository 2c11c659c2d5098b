import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UsageCounts } from '#infra/local/usage-meter.ts';
import { PROJECT_ROOT } from '#infra/project-root.ts';

/**
 * Runs a script that starts the local runtime in a process of its own, as `npm run` would, with the runtime's
 * usage meter on, and returns what the run used and what the script printed. A fresh process keeps one measurement's
 * clock, environment and loaded handlers out of the next. `metered: false` runs it without the meter (a timing
 * the meter's proxy would slow); its usage is then undefined.
 */
export async function meteredRun(
  script: string,
  args?: string[],
  env?: Record<string, string>,
  options?: { metered: true },
): Promise<{ usage: UsageCounts; seconds: number; stdout: string }>;
export async function meteredRun(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { metered: boolean },
): Promise<{ usage: UsageCounts | undefined; seconds: number; stdout: string }>;
export async function meteredRun(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
  { metered } = { metered: true },
): Promise<{ usage: UsageCounts | undefined; seconds: number; stdout: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-'));
  const usageFile = join(directory, 'usage.json');
  const started = performance.now();
  try {
    const stdout: Buffer[] = [];
    const output: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      // Launched as `npm run demo` launches the demo: from the local runtime's build, not through tsx.
      const child = spawn(process.execPath, ['infra/local/launch.mjs', script, ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...env, ...(metered ? { LOCAL_USAGE_FILE: usageFile } : {}) },
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
    const usage = metered ? (JSON.parse(await readFile(usageFile, 'utf8')) as UsageCounts) : undefined;
    return {
      usage,
      seconds: (performance.now() - started) / 1000,
      stdout: Buffer.concat(stdout).toString('utf8'),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
