import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadJourneysTemplate, templateCacheKey } from '#infra/local/template-cache.ts';
import { synthesizeJourneysTemplate } from '#infra/synthesize.ts';

const run = promisify(execFile);
const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'template-cache-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const write = (root: string, path: string, content: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};

/** A project laid out as this one: the CDK app in infra/, a constant it imports from shared/, two handlers. */
const sampleProject = () => {
  const root = freshFolder();
  write(
    root,
    'infra/journeys-app.ts',
    "import { LIMIT } from '#shared/limits.ts';\nexport const app = LIMIT;\n",
  );
  write(
    root,
    'infra/constructs/table.ts',
    "import { KEY } from '../../shared/keys.ts';\nexport const t = KEY;\n",
  );
  write(root, 'infra/local/runtime.ts', 'export const port = 3000;\n');
  write(root, 'shared/limits.ts', 'export const LIMIT = 365;\n');
  write(root, 'shared/keys.ts', "export const KEY = 'pk';\n");
  write(root, 'shared/mail.ts', "export const FROM = 'a@example.com';\n");
  write(root, 'functions/start-journey/handler.ts', 'export const handler = async () => 1;\n');
  write(root, 'cdk.json', '{"app": "npx tsx infra/app.ts"}\n');
  write(root, 'package-lock.json', '{"packages": {"node_modules/aws-cdk-lib": {"version": "2.276.0"}}}\n');
  return root;
};

describe('templateCacheKey', () => {
  it('changes with each thing the template is built from', () => {
    const root = sampleProject();
    const env = { CDK_CONTEXT_JSON: '{}', HOME: '/home/a' };
    const keys = new Set([templateCacheKey(root, env)]);
    const changes: [string, () => void][] = [
      [
        'a construct',
        () =>
          write(
            root,
            'infra/constructs/table.ts',
            "import { KEY } from '../../shared/keys.ts';\nexport const t = [KEY];\n",
          ),
      ],
      ['the app', () => write(root, 'infra/journeys-app.ts', 'export const app = 1;\n')],
      [
        'a shared constant the app imports',
        () => write(root, 'shared/keys.ts', "export const KEY = 'id';\n"),
      ],
      ['a new handler', () => write(root, 'functions/get-journey/handler.ts', 'export const handler = 1;\n')],
      ['cdk.json', () => write(root, 'cdk.json', '{}\n')],
      ['the CDK version', () => write(root, 'package-lock.json', '{}\n')],
    ];
    for (const [index, [what, change]] of changes.entries()) {
      change();
      keys.add(templateCacheKey(root, env));
      expect(keys.size, what).toBe(index + 2);
    }
    expect(templateCacheKey(root, { ...env, CDK_CONTEXT_JSON: '{"senderEmail":"a@example.com"}' })).not.toBe(
      templateCacheKey(root, env),
    );
  });

  it('stays when only a handler, a shared file the app does not import or the local runtime changes', () => {
    const root = sampleProject();
    const key = templateCacheKey(root, {});
    write(root, 'functions/start-journey/handler.ts', 'export const handler = async () => 2;\n');
    write(root, 'shared/mail.ts', "export const FROM = 'b@example.com';\n");
    write(root, 'infra/local/runtime.ts', 'export const port = 3001;\n');
    expect(templateCacheKey(root, { HOME: '/home/b' })).toBe(key);
  });
});

describe('loadJourneysTemplate', () => {
  it('synthesizes on a miss, then reads back exactly what synthesis returned', async () => {
    const cache = freshFolder();
    const cold = await loadJourneysTemplate(cache);
    const warm = await loadJourneysTemplate(cache);
    expect(cold.cached).toBe(false);
    expect(warm.cached).toBe(true);
    const fresh = synthesizeJourneysTemplate();
    expect(cold.template).toEqual(fresh);
    expect(warm.template).toEqual(fresh);
    expect(readdirSync(cache)).toEqual([`template-${templateCacheKey()}.json`]);
  });

  it('lets runtimes start together on a cold cache, and a start from a warm one loads neither aws-cdk-lib nor an SDK client', async () => {
    const cache = freshFolder();
    const start = () =>
      run(process.execPath, ['--import', 'tsx', 'test/support/start-runtime-process.ts', cache]).then(
        ({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>,
      );
    const cold = await Promise.all([start(), start()]);
    expect(cold).toEqual([
      expect.objectContaining({ answered: 200, cdkLoaded: true }),
      expect.objectContaining({ answered: 200, cdkLoaded: true }),
    ]);
    const [file] = readdirSync(cache);
    expect(JSON.parse(readFileSync(join(cache, file ?? ''), 'utf8'))).toEqual(synthesizeJourneysTemplate());
    // The handlers load the clients when first invoked; the table is made without one.
    expect(await start()).toEqual({ answered: 200, cdkLoaded: false, sdkClientLoaded: false });
  });
});
