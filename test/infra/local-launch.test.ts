import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { localBuild } from '#infra/local/launch.mjs';

const run = promisify(execFile);
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const write = (root: string, file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

/**
 * A project laid out as this one: an entry, handlers under functions/, the entry of the runtime's handler threads,
 * shared code behind a `#` import.
 */
const project = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'local-launch-'));
  folders.push(root);
  write(root, 'package.json', JSON.stringify({ type: 'module', imports: { '#shared/*': './shared/*' } }));
  write(root, 'tsconfig.json', '{}');
  write(root, 'shared/greeting.ts', "export const greeting: string = 'こんにちは';\n");
  write(
    root,
    'functions/hello/handler.ts',
    "import { greeting } from '#shared/greeting.ts';\nexport const handler = async () => greeting;\n",
  );
  write(root, 'infra/local/handler-thread.ts', "console.log('thread');\n");
  write(root, 'main.ts', "console.log('main');\n");
  return root;
};

const handlerOf = async (outdir: string, name: string) =>
  (
    (await import(pathToFileURL(join(outdir, 'functions', name, 'handler.mjs')).href)) as {
      handler: () => Promise<string>;
    }
  ).handler();

describe('the local runtime launcher', () => {
  it('builds the entry and every handler once, and again only when a file they are built from changes', async () => {
    const root = project();
    const first = await localBuild(root, 'main.ts');
    expect(existsSync(join(first.outdir, 'main.mjs'))).toBe(true);
    expect(await handlerOf(first.outdir, 'hello')).toBe('こんにちは');
    expect((await localBuild(root, 'main.ts')).outdir).toBe(first.outdir);

    write(root, 'shared/greeting.ts', "export const greeting: string = 'おはようございます';\n");
    const edited = await localBuild(root, 'main.ts');
    expect(edited.outdir).not.toBe(first.outdir);
    expect(await handlerOf(edited.outdir, 'hello')).toBe('おはようございます');

    write(root, 'functions/bye/handler.ts', "export const handler = async () => 'さようなら';\n");
    const added = await localBuild(root, 'main.ts');
    expect(added.outdir).not.toBe(edited.outdir);
    expect(await handlerOf(added.outdir, 'bye')).toBe('さようなら');

    // How `#shared/…` resolves is read from package.json: a change there builds again too.
    write(
      root,
      'package.json',
      JSON.stringify({ type: 'module', imports: { '#shared/*': './shared/*' } }, null, 2),
    );
    const reconfigured = await localBuild(root, 'main.ts');
    expect(reconfigured.outdir).not.toBe(added.outdir);
    // The newest three builds stay, for runtimes still loading handlers from them.
    expect(readdirSync(dirname(reconfigured.outdir)).filter((name) => name !== 'current.json')).toHaveLength(
      3,
    );

    // A build removed by hand is made again.
    rmSync(reconfigured.outdir, { recursive: true });
    const remade = await localBuild(root, 'main.ts');
    expect(await handlerOf(remade.outdir, 'bye')).toBe('さようなら');
  });

  it('runs `npm start` from the build: it passes on its arguments, answers, and stops on Ctrl+C', async () => {
    const launcher = ['infra/local/launch.mjs', 'infra/local/main.ts'];
    const refused = await run(process.execPath, [...launcher, '--speed', 'fast']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('--speed takes a number') });

    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    const child: ChildProcess = spawn(process.execPath, launcher, {
      env: { ...process.env, PORT: String(port) },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 100 }).toContain('running locally');
      const clock = await fetch(`http://127.0.0.1:${port}/local/clock`);
      expect(clock.status).toBe(200);
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
