/**
 * Cold start: every function bundled exactly as the stack bundles it (the options come from one module), the size
 * of what its import loads and of its whole asset, and per function the median time to import the bundle in a
 * fresh Node process against the median time to import its TypeScript source the way the tests do (through
 * tsx). Only the import is timed, inside the child, so Node's own start-up is left out of both sides.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import {
  FUNCTION_ENTRY_FILE,
  functionBuildOptions,
  functionEntry,
  outputsLoadedAtStart,
} from '#infra/constructs/function-bundling.ts';
import { PROJECT_ROOT } from '#infra/project-root.ts';
import { median } from '#shared/domain/report-metrics.ts';
import type { Figure, Measurement } from './figure.ts';

const run = promisify(execFile);

/** Fresh processes per function and side; the median of these is the figure. */
const BUNDLE_RUNS = 5;
const SOURCE_RUNS = 3;
const IMPORT_TARGET_MS = 50;
const RATIO_TARGET = 10;
/**
 * Compiling grows with the bytes loaded, and it is the largest part of a bundle's import: a function with one SDK
 * client, its schemas and the logger loads about 200 KB; one that also plans dates and sends mail should stay
 * under 700 (what it loads on first use, the mail composer and the calendar library, is not loaded at start).
 */
const SIZE_TARGET_KB = 700;

// What Lambda runs the bundle with (no flags: the stack sets no NODE_OPTIONS), without Node 20's deprecation
// notices, which the Lambda runtime (Node 24) would not print.
const BUNDLE_FLAGS = ['--no-warnings'];
const SOURCE_FLAGS = ['--no-warnings', '--import', 'tsx'];
/** The child times the import alone and prints milliseconds. */
const TIMED_IMPORT =
  'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);';
// Dummy credentials and a region, as the Lambda environment always has: clients created at import read them.
const CHILD_ENV = {
  ...process.env,
  AWS_REGION: 'ap-northeast-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  NODE_OPTIONS: '',
};

interface FunctionColdStart {
  name: string;
  /** What importing the function loads: its `index.mjs` and the files that imports as it loads. */
  loadedBytes: number;
  /** Its whole asset, with what it loads on first use. */
  assetBytes: number;
  bundleMs: number;
  sourceMs: number;
}

/** One fresh process importing `url`; the child times the import alone. */
const timeImport = async (flags: string[], url: string): Promise<number> => {
  const { stdout } = await run(process.execPath, [...flags, '--input-type=module', '-e', TIMED_IMPORT, url], {
    cwd: PROJECT_ROOT,
    env: CHILD_ENV,
  });
  return Number(stdout.trim().split('\n').at(-1));
};

const functionNames = (): string[] =>
  readdirSync(join(PROJECT_ROOT, 'functions'))
    .filter((name) => existsSync(functionEntry(PROJECT_ROOT, name)))
    .sort();

interface FunctionBundle {
  entry: string;
  loadedBytes: number;
  assetBytes: number;
}

/** Bundles every function first, all at once, so that only the imports are timed one by one. */
const bundleAll = async (names: string[], outDir: string): Promise<Map<string, FunctionBundle>> => {
  const bundles = await Promise.all(
    names.map(async (name): Promise<[string, FunctionBundle]> => {
      const { metafile } = await build(functionBuildOptions(PROJECT_ROOT, name, join(outDir, name)));
      const outputs = (metafile as Metafile).outputs;
      const code = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
      const bytesOf = (paths: string[]) => paths.reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
      return [
        name,
        {
          entry: join(outDir, name, FUNCTION_ENTRY_FILE),
          loadedBytes: bytesOf(outputsLoadedAtStart(metafile as Metafile)),
          assetBytes: bytesOf(code),
        },
      ];
    }),
  );
  return new Map(bundles);
};

/**
 * Round after round over all functions rather than one function's runs back to back: on a shared machine a busy
 * minute then slows every function a little instead of one function a lot.
 */
const measureAll = async (bundles: Map<string, FunctionBundle>): Promise<FunctionColdStart[]> => {
  const bundleTimes = new Map<string, number[]>();
  const sourceTimes = new Map<string, number[]>();
  for (let pass = 0; pass < Math.max(BUNDLE_RUNS, SOURCE_RUNS); pass += 1) {
    for (const [name, bundle] of bundles) {
      if (pass < BUNDLE_RUNS) {
        const times = bundleTimes.get(name) ?? [];
        times.push(await timeImport(BUNDLE_FLAGS, pathToFileURL(bundle.entry).href));
        bundleTimes.set(name, times);
      }
      if (pass < SOURCE_RUNS) {
        const times = sourceTimes.get(name) ?? [];
        times.push(await timeImport(SOURCE_FLAGS, pathToFileURL(functionEntry(PROJECT_ROOT, name)).href));
        sourceTimes.set(name, times);
      }
    }
  }
  return [...bundles].map(([name, bundle]) => ({
    name,
    loadedBytes: bundle.loadedBytes,
    assetBytes: bundle.assetBytes,
    bundleMs: median(bundleTimes.get(name) ?? []) ?? 0,
    sourceMs: median(sourceTimes.get(name) ?? []) ?? 0,
  }));
};

const kilobytes = (bytes: number): number => Math.round(bytes / 1024);
const round = (value: number): number => Math.round(value * 10) / 10;

const printTable = (rows: FunctionColdStart[]): void => {
  console.log(
    'function                  loaded KB  asset KB  bundle import ms  source import ms  source/bundle',
  );
  for (const row of rows) {
    console.log(
      [
        row.name.padEnd(24),
        String(kilobytes(row.loadedBytes)).padStart(10),
        String(kilobytes(row.assetBytes)).padStart(9),
        row.bundleMs.toFixed(1).padStart(17),
        row.sourceMs.toFixed(1).padStart(17),
        (row.sourceMs / row.bundleMs).toFixed(1).padStart(14),
      ].join(' '),
    );
  }
};

const worst = <T>(rows: T[], score: (row: T) => number): T =>
  rows.reduce((found, row) => (score(row) > score(found) ? row : found));

const coldStart: Measurement = async (): Promise<Figure[]> => {
  const outDir = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    const rows = await measureAll(await bundleAll(functionNames(), outDir));
    printTable(rows);
    const slowest = worst(rows, (row) => row.bundleMs);
    const leastGain = worst(rows, (row) => row.bundleMs / row.sourceMs);
    const largest = worst(rows, (row) => row.loadedBytes);
    const largestAsset = worst(rows, (row) => row.assetBytes);
    return [
      {
        figure: 'cold start: slowest function, median bundle import',
        value: round(slowest.bundleMs),
        unit: 'ms',
        target: IMPORT_TARGET_MS,
        better: 'lower',
        note: `${slowest.name}; median of ${BUNDLE_RUNS} fresh processes each`,
      },
      {
        figure: 'cold start: smallest source/bundle import ratio',
        value: round(leastGain.sourceMs / leastGain.bundleMs),
        unit: 'x',
        target: RATIO_TARGET,
        better: 'higher',
        note: `${leastGain.name}: source through tsx ${round(leastGain.sourceMs)} ms, bundle ${round(leastGain.bundleMs)} ms`,
      },
      {
        figure: 'cold start: largest bundle, as loaded at start',
        value: kilobytes(largest.loadedBytes),
        unit: 'KB',
        target: SIZE_TARGET_KB,
        better: 'lower',
        note: `${largest.name}; the largest asset ${largestAsset.name}, ${kilobytes(largestAsset.assetBytes)} KB with what it loads on first use; ${rows.length} functions, ${kilobytes(rows.reduce((sum, row) => sum + row.assetBytes, 0))} KB in all`,
      },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

export default coldStart;
