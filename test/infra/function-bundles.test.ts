import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FUNCTION_BUNDLING,
  FUNCTION_ENTRY_FILE,
  functionBuildOptions,
  outputsLoadedAtStart,
} from '#infra/constructs/function-bundling.ts';
import { FUNCTION_RUNTIME, JourneyFunction } from '#infra/constructs/journey-function.ts';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'function-bundles-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The source files a function's asset holds, in any of its files, bundled with the stack's own options. */
const bundledInputs = async (name: string): Promise<string[]> => {
  const { metafile } = await build(functionBuildOptions(repoRoot, name, join(outDir, name)));
  return [
    ...new Set(Object.values((metafile as Metafile).outputs).flatMap((file) => Object.keys(file.inputs))),
  ];
};

const MAIL_COMPOSER = /node_modules\/nodemailer\//;
const HOLIDAY_DATA = /shared\/time\/japanese-holidays\.ts$/;
/** The holiday package itself: its table of names and weekdays, where the dates alone are what is needed. */
const HOLIDAY_PACKAGE = /node_modules\/@holiday-jp\//;
/** The schemas of what HR and people send in: offers, hire requests, templates, settings, form answers. */
const REQUEST_SCHEMAS =
  /shared\/domain\/(offer|onboarding-request|journey-template-schema|onboarding-settings-schema|form-answers)\.ts$/;
const ZOD_LOCALE = /node_modules\/zod\/.*\/locales\/(?!en\.js$)/;
/** The SDK clients a credential provider Lambda never takes (profiles, SSO, web identity) would call. */
const UNREACHED_CREDENTIALS =
  /node_modules\/@aws-sdk\/(nested-clients|credential-provider-(ini|sso|process|web-identity))\//;

/**
 * Bundles `contents` as an entry of its own, with the functions' options: its asset must hold what it imports,
 * not look for it in a node_modules the deployed function does not have.
 */
const buildEntry = async (name: string, contents: string) => {
  const outdir = join(outDir, name);
  const { metafile } = await build({
    ...functionBuildOptions(repoRoot, name, outdir),
    entryPoints: [{ in: join(outdir, 'entry.ts'), out: 'index' }],
    plugins: [
      {
        name: 'test-entry',
        setup: (plugin) => {
          plugin.onResolve({ filter: /entry\.ts$/ }, (args) => ({
            path: args.path,
            namespace: 'test-entry',
          }));
          plugin.onLoad({ filter: /.*/, namespace: 'test-entry' }, () => ({
            contents,
            loader: 'ts',
            resolveDir: repoRoot,
          }));
        },
      },
    ],
  });
  return { outdir, metafile: metafile as Metafile };
};

/** Runs an export of a built entry in a Node of its own, as Lambda imports it: not through vitest's transform. */
const runBuilt = async (outdir: string, call: string): Promise<string> => {
  const { stdout } = await run(process.execPath, [
    '--no-warnings',
    '--input-type=module',
    '-e',
    `const entry = await import(process.argv[1]); process.stdout.write(${call});`,
    pathToFileURL(join(outdir, FUNCTION_ENTRY_FILE)).href,
  ]);
  return stdout;
};

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

  it.each(['start-round', 'fire-timer', 'send-invitation', 'send-handoff'])(
    '%s, a step that mails people and checks no request or answer, holds none of the schemas of offers, hire requests, templates or forms',
    async (name) => {
      const inputs = await bundledInputs(name);

      expect(inputs.filter((path) => REQUEST_SCHEMAS.test(path))).toEqual([]);
      expect(inputs.some((path) => MAIL_COMPOSER.test(path))).toBe(true);
    },
  );

  it.each([
    [
      'console',
      [
        'shared/console/journey-page.ts',
        'shared/pages/report-charts.ts',
        'shared/console/start-journey-page.ts',
        'shared/console/attention-routes.ts',
        'shared/console/calendar-routes.ts',
      ],
    ],
    [
      'console-actions',
      [
        'shared/console/journey-routes.ts',
        'shared/console/start-journey-routes.ts',
        'shared/console/attention-routes.ts',
        'shared/console/calendar-routes.ts',
      ],
    ],
  ])(
    '%s loads no page of its routes at start: each comes with its first request',
    async (name, routeModules) => {
      const { metafile } = await build(functionBuildOptions(repoRoot, name, join(outDir, `${name}-start`)));
      const atStart = outputsLoadedAtStart(metafile as Metafile).flatMap((path) =>
        Object.keys((metafile as Metafile).outputs[path]?.inputs ?? {}),
      );
      const inAsset = Object.values((metafile as Metafile).outputs).flatMap((file) =>
        Object.keys(file.inputs),
      );

      for (const path of routeModules) {
        expect(atStart).not.toContain(path);
        expect(inAsset).toContain(path);
      }
    },
  );

  it('a function that plans dates and sends mail holds both, the holidays as dates alone, and still no zod locale but English', async () => {
    const inputs = await bundledInputs('request-form');

    expect(inputs.some((path) => MAIL_COMPOSER.test(path))).toBe(true);
    expect(inputs.some((path) => HOLIDAY_DATA.test(path))).toBe(true);
    expect(inputs.filter((path) => HOLIDAY_PACKAGE.test(path))).toEqual([]);
    expect(inputs.filter((path) => ZOD_LOCALE.test(path))).toEqual([]);
  });

  it('loads what it loads on first use (the calendar library, the mail composer) from files of its own, not at start', async () => {
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
    const { outdir, metafile } = await buildEntry('first-use', contents);
    const atStart = outputsLoadedAtStart(metafile).flatMap((path) =>
      Object.keys(metafile.outputs[path]?.inputs ?? {}),
    );
    const message = await runBuilt(outdir, '(await entry.mail()).toString("utf8")');

    expect(message).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
    expect(message).toContain('invite.ics');
    expect(atStart.filter((path) => MAIL_COMPOSER.test(path))).toEqual([]);
    expect(atStart.filter((path) => /node_modules\/(ics|yup)\//.test(path))).toEqual([]);
  });

  it('keeps the names of the errors that Retry, Catch, the logs and the Lambda runtime tell apart, minified as it is', async () => {
    const errors = {
      JourneyErased: "new JourneyErased('j-1')",
      JourneyNotFoundError: "new JourneyNotFoundError('j-1')",
      EmailSendInProgress: 'new EmailSendInProgress()',
      EmailWithdrawn: 'new EmailWithdrawn()',
      SendTimedOut: 'new SendTimedOut()',
      InvalidTaskPayload: 'new InvalidTaskPayload()',
      HttpError: "new HttpError(400, { message: 'Bad' })",
      ConditionalCheckFailedException:
        "new ConditionalCheckFailedException({ message: 'failed', $metadata: {} })",
    };
    const contents = [
      "import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';",
      "import { JourneyErased } from '#shared/data/erasures.ts';",
      "import { JourneyNotFoundError } from '#shared/data/journeys.ts';",
      "import { EmailSendInProgress, EmailWithdrawn } from '#shared/email/send-once.ts';",
      "import { SendTimedOut } from '#shared/email/send-timed-out.ts';",
      "import { HttpError } from '#shared/http/http-error.ts';",
      "import { InvalidTaskPayload } from '#shared/journeys/task-handler.ts';",
      `export const names = () => [${Object.values(errors).join(', ')}].map((error) => error.name);`,
    ].join('\n');
    const { outdir } = await buildEntry('error-names', contents);

    expect(JSON.parse(await runBuilt(outdir, 'JSON.stringify(entry.names())'))).toEqual(Object.keys(errors));
  });

  it("gives each function an asset of its own when the stack is synthesized: its handler's bundle, what it loads later beside it", () => {
    const app = new App({ outdir: join(outDir, 'assembly') });
    const stack = new Stack(app, 'Bundles');
    new JourneyFunction(stack, 'Openapi', { name: 'get-openapi', description: 'The OpenAPI document' });
    new JourneyFunction(stack, 'SendMail', { name: 'send-mail', description: 'Sends queued mail' });
    const assembly = app.synth();

    const functions = Object.values(
      assembly.getStackByName('Bundles').template.Resources as Record<
        string,
        { Type: string; Properties: { Code?: { S3Key: string }; Handler?: string } }
      >,
    ).filter((resource) => resource.Type === 'AWS::Lambda::Function');
    const assetFiles = functions.map((resource) =>
      readdirSync(join(assembly.directory, `asset.${resource.Properties.Code?.S3Key.replace(/\.zip$/, '')}`)),
    );

    expect(functions.map((resource) => resource.Properties.Handler)).toEqual([
      'index.handler',
      'index.handler',
    ]);
    expect(new Set(functions.map((resource) => resource.Properties.Code?.S3Key)).size).toBe(2);
    const [openapi = [], sendMail = []] = assetFiles;
    expect(openapi).toContain(FUNCTION_ENTRY_FILE);
    expect(sendMail).toContain(FUNCTION_ENTRY_FILE);
    expect(sendMail.some((file) => /^mail-composer-.*\.mjs$/.test(file))).toBe(true);
    expect(openapi.some((file) => /^mail-composer-/.test(file))).toBe(false);
  });
});
