import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
});
