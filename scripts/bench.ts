/**
 * `npm run bench`: every measurement of issue 13 on this machine, printed as one table of figure, target and
 * ratio, and written as JSON. `--only <module>` runs one module of scripts/bench/.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Figure, Measurement } from './bench/figure.ts';
import { formatDetails, formatTable, isMet, ratioOf } from './bench/table.ts';

/** The measurement modules, in the order they run: each file in scripts/bench/ default-exports a Measurement. */
const MODULES = ['journey-cost', 'cohort-cost', 'local-throughput', 'cold-start', 'local-start'];

const RESULTS_FILE = new URL('../bench-results.json', import.meta.url);

const { values } = parseArgs({ options: { only: { type: 'string' } } });
if (values.only && !MODULES.includes(values.only)) {
  console.error(`--only takes one of: ${MODULES.join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const figures: Figure[] = [];
const failed: string[] = [];
for (const name of values.only ? [values.only] : MODULES) {
  const moduleStarted = performance.now();
  process.stderr.write(`bench: ${name}…`);
  try {
    const { default: measure } = (await import(`./bench/${name}.ts`)) as { default: Measurement };
    figures.push(...(await measure()));
    process.stderr.write(` ${((performance.now() - moduleStarted) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    // One broken measurement leaves the others' figures standing; the exit code says something failed.
    failed.push(name);
    process.stderr.write(` failed\n${(error as Error).stack ?? String(error)}\n`);
  }
}

console.log(formatTable(figures));
const details = formatDetails(figures);
if (details) console.log(`\n${details}`);
await writeFile(
  RESULTS_FILE,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      failed,
      figures: figures.map((figure) => ({ ...figure, ratio: ratioOf(figure), met: isMet(figure) })),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten to ${RESULTS_FILE.pathname}`);
if (failed.length > 0) process.exitCode = 1;
