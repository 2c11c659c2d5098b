/**
 * Runs a TypeScript entry of the local runtime (`npm start`, `npm run demo`) from a build of it instead of through
 * tsx. tsx's loader hooks cross to a thread of their own for every module loaded, packages' included: a demo spent
 * about a sixth of its time so, and a start a third. The build is esbuild's: the entry, every function's handler
 * and the entry of the runtime's handler threads, the project's own code bundled into shared chunks, packages left
 * to load from node_modules as before. It is kept under node_modules/.cache and made again when a file it was built
 * from changes, which takes a fifth of a second; tests and the other scripts still run the sources through tsx.
 *
 * Usage: node infra/local/launch.mjs <entry.ts> [arguments for the entry…]
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Builds of other states of the sources stay for a while: a runtime still running loads its handlers from one. */
const BUILDS_KEPT = 3;

/** Read by esbuild besides the files it reports: how `#shared/…` imports resolve, and how TypeScript compiles. */
const CONFIG_FILES = ['package.json', 'tsconfig.json'];

/**
 * @typedef {object} LocalBuild
 * @property {string} outdir
 * @property {string[]} entries the files built, relative to the project
 * @property {Record<string, string>} stamps each file it was built from, by its size and modification time
 */

/** @param {string} path */
const stampOf = (path) => {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** @param {string} projectRoot @param {string} entry */
const entriesOf = (projectRoot, entry) => [
  entry,
  'infra/local/handler-thread.ts',
  ...readdirSync(join(projectRoot, 'functions'), { withFileTypes: true })
    .filter((folder) => folder.isDirectory())
    .map((folder) => `functions/${folder.name}/handler.ts`)
    .sort(),
];

/** @param {string} file @returns {LocalBuild | undefined} */
const readBuild = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** @param {string} projectRoot @param {LocalBuild} build @param {string[]} entries */
const isCurrent = (projectRoot, build, entries) =>
  JSON.stringify(build.entries) === JSON.stringify(entries) &&
  stampOf(build.outdir) !== 'missing' &&
  Object.entries(build.stamps).every(([file, stamp]) => stampOf(join(projectRoot, file)) === stamp);

/** Keeps the newest few builds; another process may be pruning or building alongside. */
const prune = (/** @type {string} */ buildsDir) => {
  const builds = readdirSync(buildsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap(({ name }) => {
      try {
        return [{ path: join(buildsDir, name), modified: statSync(join(buildsDir, name)).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.modified - a.modified);
  for (const { path } of builds.slice(BUILDS_KEPT)) rmSync(path, { recursive: true, force: true });
};

/**
 * The current build of `entry` (a path relative to the project), made when there is none or a file it was built
 * from has changed since.
 * @param {string} projectRoot
 * @param {string} entry
 * @returns {Promise<LocalBuild>}
 */
export const localBuild = async (projectRoot, entry) => {
  // Worktrees of one checkout may share node_modules: each keeps builds of its own.
  const checkout = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8);
  const buildsDir = join(
    projectRoot,
    'node_modules',
    '.cache',
    'follow-up-journeys',
    'local-build',
    `${entry.replace(/\.ts$/, '').replace(/[^\w-]/g, '_')}-${checkout}`,
  );
  const record = join(buildsDir, 'current.json');
  const entries = entriesOf(projectRoot, entry);
  const current = readBuild(record);
  if (current && isCurrent(projectRoot, current, entries)) return current;

  const outdir = join(buildsDir, randomBytes(6).toString('hex'));
  const { build } = await import('esbuild');
  const { metafile } = await build({
    absWorkingDir: projectRoot,
    entryPoints: entries,
    outbase: projectRoot,
    outdir,
    // Explicitly ES modules: under node_modules no package.json says so.
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: true,
    define: { LOCAL_BUILD: JSON.stringify({ projectRoot, outdir }) },
    metafile: true,
    logLevel: 'warning',
  });
  const read = [
    ...Object.keys(metafile.inputs),
    ...CONFIG_FILES,
    relative(projectRoot, import.meta.filename),
  ];
  /** @type {LocalBuild} */
  const made = {
    outdir,
    entries,
    stamps: Object.fromEntries(read.map((file) => [file, stampOf(join(projectRoot, file))])),
  };
  // Written whole before it takes the record's name, so a runtime starting alongside never reads half of it.
  const written = `${record}.${process.pid}`;
  writeFileSync(written, JSON.stringify(made));
  renameSync(written, record);
  prune(buildsDir);
  return made;
};

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const entry = process.argv[2];
  if (!entry?.endsWith('.ts')) {
    console.error('usage: node infra/local/launch.mjs <entry.ts> [arguments…]');
    process.exit(2);
  }
  const projectRoot = resolve(import.meta.dirname, '../..');
  const { outdir } = await localBuild(projectRoot, relative(projectRoot, resolve(entry)));
  const built = join(outdir, relative(projectRoot, resolve(entry)).replace(/\.ts$/, '.mjs'));
  // The entry reads its own arguments as if it had been started itself.
  process.argv.splice(1, 2, built);
  // Errors' stacks name the TypeScript sources.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(built).href);
}
