import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioHire } from '../support/sample-offer.ts';

let system: LocalSystem;
let dir: string;

/** The real `follow-up` bin in its own process, as HR's engineers run it; asynchronous, so the API keeps serving. */
const followUp = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/follow-up.mjs', ...args],
      { env: { ...process.env, FOLLOW_UP_API: system.runtime.apiUrl, LANG: 'C' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
const fileWith = async (name: string, content: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  system = await startLocalSystem();
  dir = await mkdtemp(join(tmpdir(), 'follow-up-cli-'));
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('the follow-up command line against the local API', () => {
  it('starts, lists, shows, moves and cancels a journey, and refuses readably', async () => {
    const hire = scenarioHire('cli', '2027-02-01');
    const started = await followUp('start', await fileWith('hire.json', JSON.stringify(hire)));
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const { journeyId } = JSON.parse(started.stdout) as { journeyId: string };
    await system.runtime.idle();

    const listed = await followUp('list', '--start-month', '2027-02', '--json');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(listed.stdout).items.map((item: { journeyId: string }) => item.journeyId)).toEqual([
      journeyId,
    ]);

    const shown = await followUp('show', journeyId);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ journeyId, status: 'awaiting-start' });

    const moved = await followUp('move', journeyId, '--start-date', '2027-03-01');
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ journeyId, startDate: '2027-03-01' });

    const refusedMove = await followUp('move', journeyId, '--start-date', 'soon');
    expect(refusedMove.code).toBe(1);
    expect(refusedMove.stderr).toMatch(/^400 /);
    expect(refusedMove.stderr).toMatch(/^ {2}startDate: /m);

    const badHire = {
      ...scenarioHire('cli-bad', '2027-02-01'),
      employee: { name: '', email: 'not-an-address' },
    };
    const refusedStart = await followUp('start', await fileWith('bad.json', JSON.stringify(badHire)));
    expect(refusedStart.code).toBe(1);
    expect(refusedStart.stderr).toMatch(/^400 /);
    expect(refusedStart.stderr).toMatch(/^ {2}employee\.email: /m);
    expect(refusedStart.stderr).toMatch(/^ {2}employee\.name: /m);

    const erase = await followUp('erase', journeyId);
    expect(erase.code).toBe(2);
    expect(erase.stderr).toContain('--yes');

    const cancelled = await followUp('cancel', journeyId, '--reason', 'resigned');
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ journeyId, status: 'cancelled' });
    expect((await system.journey(journeyId)).status).toBe('cancelled');
  });

  it('says plainly when a file is not JSON or the API cannot be reached', async () => {
    const notJson = await followUp('start', await fileWith('broken.json', '{"phase": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not valid JSON');
    const unreachable = await followUp('list', '--api', 'http://127.0.0.1:9');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the API at http://127.0.0.1:9');
  });
});
