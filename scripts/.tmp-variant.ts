import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { functionBuildOptions } from '#infra/constructs/function-bundling.ts';
const repoRoot = resolve('.');
const [out, names, overrides] = process.argv.slice(2);
await Promise.all(names.split(',').map(async (name) => {
  const r = await build({ ...functionBuildOptions(repoRoot, name, join(out, name, 'index.mjs')), ...JSON.parse(overrides ?? '{}') });
  writeFileSync(join(out, name, 'meta.json'), JSON.stringify(r.metafile));
}));
