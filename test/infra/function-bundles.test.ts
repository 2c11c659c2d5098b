import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTION_BUNDLING, functionBuildOptions } from '#infra/constructs/function-bundling.ts';
import { FUNCTION_RUNTIME } from '#infra/constructs/journey-function.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'function-bundles-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The source files a function's bundle holds, bundled with the stack's own options. */
const bundledInputs = async (name: string): Promise<string[]> => {
  const { metafile } = await build(functionBuildOptions(repoRoot, name, join(outDir, name, 'index.mjs')));
  const output = Object.values((metafile as Metafile).outputs).find((file) => file.entryPoint);
  return Object.keys(output?.inputs ?? {});
};

const MAIL_COMPOSER = /node_modules\/nodemailer\//;
const HOLIDAY_DATA = /shared\/time\/japanese-holidays\.ts$/;
/** The holiday package itself: its table of names and weekdays, where the dates alone are what is needed. */
const HOLIDAY_PACKAGE = /node_modules\/@holiday-jp\//;
const ZOD_LOCALE = /node_modules\/zod\/.*\/locales\/(?!en\.js$)/;
/** The SDK clients a credential provider Lambda never takes (profiles, SSO, web identity) would call. */
const UNREACHED_CREDENTIALS =
  /node_modules\/@aws-sdk\/(nested-clients|credential-provider-(ini|sso|process|web-identity))\//;

describe("each function's bundle holds only what it uses", () => {
  it('is built for the Node the functions run on', () => {
    expect(FUNCTION_BUNDLING.target).toBe(FUNCTION_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'));
  });

  it.each(['get-journey', 'get-openapi', 'get-calendar-settings', 'publish-events'])(
    '%s sends no mail and plans no dates: no mail composer, no holiday data, no zod locale but English, no credential provider Lambda never takes',
    async (name) => {
      const inputs = await bundledInputs(name);

      expect(inputs.filter((path) => MAIL_COMPOSER.test(path))).toEqual([]);
      expect(inputs.filter((path) => HOLIDAY_DATA.test(path))).toEqual([]);
      expect(inputs.filter((path) => ZOD_LOCALE.test(path))).toEqual([]);
      expect(inputs.filter((path) => UNREACHED_CREDENTIALS.test(path))).toEqual([]);
    },
  );

  it('a function that plans dates and sends mail holds both, the holidays as dates alone, and still no zod locale but English', async () => {
    const inputs = await bundledInputs('request-form');

    expect(inputs.some((path) => MAIL_COMPOSER.test(path))).toBe(true);
    expect(inputs.some((path) => HOLIDAY_DATA.test(path))).toBe(true);
    expect(inputs.filter((path) => HOLIDAY_PACKAGE.test(path))).toEqual([]);
    expect(inputs.filter((path) => ZOD_LOCALE.test(path))).toEqual([]);
  });

  it('loads what it loads on first use (the calendar library, the mail composer) from within itself', async () => {
    // An entry of its own, bundled as every function is: the loaded-later modules must be in the file, not
    // looked for in a node_modules the deployed function does not have.
    const contents = [
      "import { buildMeetingInvite } from '#shared/calendar/meeting-invite.ts';",
      "import { composeRawEmail } from '#shared/email/compose.ts';",
      'export const mail = async () => composeRawEmail({',
      "  from: 'hr@example.com', to: [{ name: 'Aoi', email: 'aoi@example.com' }], subject: 'Meeting',",
      "  text: 'See you', html: '<p>See you</p>',",
      "  calendar: { method: 'REQUEST', content: await buildMeetingInvite({",
      "    uid: 'u-1@example.com', sequence: 0, stampedAt: new Date(0), method: 'REQUEST',",
      "    start: '2027-04-01T10:00:00+09:00', durationMinutes: 30, title: 'Meeting', description: 'See you',",
      "    organizer: { name: 'HR', email: 'hr@example.com' }, attendee: { name: 'Aoi', email: 'aoi@example.com' },",
      '  }) },',
      '}, new Date(0));',
    ].join('\n');
    const outfile = join(outDir, 'first-use', 'index.mjs');
    await build({
      ...functionBuildOptions(repoRoot, 'first-use', outfile),
      entryPoints: undefined,
      stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: 'first-use.ts' },
    });
    const bundled: { mail: () => Promise<Buffer> } = await import(pathToFileURL(outfile).href);

    const message = (await bundled.mail()).toString('utf8');

    expect(message).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
    expect(message).toContain('invite.ics');
  });
});
