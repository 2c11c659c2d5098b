import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '#infra/project-root.ts';

/** Under `node_modules`, as other tools keep their caches: `npm ci` starts it afresh. */
export const TEMPLATE_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'follow-up-journeys');

/** Templates of other keys stay for a while: worktrees and branches of one checkout share `node_modules`. */
const TEMPLATES_KEPT = 5;

const IMPORT_SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;
const PROJECT_ALIASES: Record<string, string> = {
  '#shared/': 'shared',
  '#infra/': 'infra',
  '#functions/': 'functions',
};

const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });

/** The project file an import names (an alias of package.json's `imports`, or a relative path); none for a package. */
const projectFile = (root: string, from: string, specifier: string): string | undefined => {
  const alias = Object.keys(PROJECT_ALIASES).find((prefix) => specifier.startsWith(prefix));
  if (alias) return join(root, PROJECT_ALIASES[alias] ?? '', specifier.slice(alias.length));
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  return undefined;
};

/**
 * What the synthesized template is built from: every file of the CDK app under `infra/` (the local runtime's own,
 * `infra/local/`, aside), the project files they import (constants in `shared/`), the handler paths the functions
 * point at (not their code, which synthesis without bundling never reads), `cdk.json`, `package-lock.json` (the CDK
 * version) and the `CDK_*` variables the app reads its context and account from.
 */
export const templateCacheKey = (root = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): string => {
  const local = join(root, 'infra', 'local');
  const sources = new Set(filesUnder(join(root, 'infra')).filter((file) => !file.startsWith(`${local}/`)));
  // A Set's iteration reaches what is added on the way: imports are followed all the way down.
  for (const file of sources) {
    if (!file.endsWith('.ts')) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      const imported = projectFile(root, file, specifier ?? '');
      if (imported && !imported.startsWith(`${local}/`) && existsSync(imported)) sources.add(imported);
    }
  }
  const handlers = readdirSync(join(root, 'functions'))
    .map((folder) => join('functions', folder, 'handler.ts'))
    .filter((path) => existsSync(join(root, path)));
  const hash = createHash('sha256');
  for (const file of [...sources, join(root, 'cdk.json'), join(root, 'package-lock.json')].sort()) {
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  hash.update(JSON.stringify(handlers.sort()));
  hash.update(
    JSON.stringify(
      Object.entries(env)
        .filter(([name]) => name.startsWith('CDK_'))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  return hash.digest('hex').slice(0, 32);
};

/** Keeps the newest few templates; another process may be pruning or writing alongside. */
const prune = (directory: string) => {
  const templates = readdirSync(directory)
    .filter((name) => /^template-\w+\.json$/.test(name))
    .flatMap((name) => {
      try {
        return [{ path: join(directory, name), modified: statSync(join(directory, name)).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.modified - a.modified);
  for (const { path } of templates.slice(TEMPLATES_KEPT)) rmSync(path, { force: true });
};

/**
 * The stack's template as `synthesizeJourneysTemplate` returns it, from the cache when nothing it is built from has
 * changed: synthesis loads aws-cdk-lib and builds the app, seconds that every start of the local runtime paid.
 * On a miss it synthesizes and caches what synthesis returned, written whole before it takes the cache's name, so
 * runtimes starting together (the end-to-end tests) never read half a file.
 */
export const loadJourneysTemplate = async (
  cacheDir = TEMPLATE_CACHE_DIR,
): Promise<{ template: Record<string, unknown>; cached: boolean }> => {
  const file = join(cacheDir, `template-${templateCacheKey()}.json`);
  try {
    return { template: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, cached: true };
  } catch {
    // Not cached yet for this key (or pruned by another process just now): synthesize.
  }
  const { synthesizeJourneysTemplate } = await import('#infra/synthesize.ts');
  const template = synthesizeJourneysTemplate();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, JSON.stringify(template));
    renameSync(partial, file);
    prune(cacheDir);
  } catch (error) {
    // A cache that cannot be written (a read-only node_modules) only costs the next start a synthesis.
    console.warn(`The synthesized template was not cached in ${cacheDir}: ${(error as Error).message}`);
  }
  return { template, cached: false };
};
