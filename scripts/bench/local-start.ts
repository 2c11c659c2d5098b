/**
 * How soon the local runtime is there for a newcomer: `npm start` until its HTTP server answers, with the
 * synthesized template already cached (a first start after changing the CDK app synthesizes, seconds more), and
 * `npm run demo` from launch to exit. Each is timed from outside, as whole processes, over several runs; the
 * median is the figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { median } from '#shared/domain/report-metrics.ts';
import type { Figure, Measurement } from './figure.ts';

const START_RUNS = 5;
const DEMO_RUNS = 3;

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

/** npm runs the script in a shell of its own: the whole process group goes. */
const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null || !child.pid) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  await exited;
};

/** Seconds from launching `npm start` until `GET /local/clock` answers. */
const startOnce = async (): Promise<number> => {
  const port = await freePort();
  const launched = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const answered = await fetch(`http://127.0.0.1:${port}/local/clock`).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return (performance.now() - launched) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await stop(child);
  }
};

/** Seconds from launching `npm run demo` until it exits. */
const demoOnce = async (): Promise<number> => {
  const launched = performance.now();
  const child = spawn('npm', ['run', 'demo'], { env: { ...process.env, PORT: '0' }, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npm run demo exited with ${code}`);
  return (performance.now() - launched) / 1000;
};

const timed = async (runs: number, once: () => Promise<number>): Promise<number[]> => {
  // Not counted: it fills the template cache (and tsx's) when something changed since the last run.
  await once();
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) seconds.push(await once());
  return seconds;
};

const round = (seconds: number) => Math.round(seconds * 100) / 100;

const measure: Measurement = async (): Promise<Figure[]> => {
  const starts = await timed(START_RUNS, startOnce);
  const demos = await timed(DEMO_RUNS, demoOnce);
  const runs = (values: number[]) => ({
    runs: values.map(round).join(', '),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  });
  return [
    {
      figure: 'npm start: launch until the API answers (template cached)',
      value: round(median(starts) ?? 0),
      unit: 's',
      target: 1.5,
      better: 'lower',
      note: 'npm start until GET /local/clock answers; median of 5 runs after an uncounted one',
      details: runs(starts),
    },
    {
      figure: 'npm run demo: wall time',
      value: round(median(demos) ?? 0),
      unit: 's',
      target: 4,
      better: 'lower',
      note: 'median of 3 runs after an uncounted one',
      details: runs(demos),
    },
  ];
};

export default measure;
