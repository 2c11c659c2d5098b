import { join } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

/**
 * How every function's handler is bundled, in esbuild's own terms: the stack, the cold-start benchmark and the
 * bundle-contents test all hand these to esbuild, so what is measured is what is deployed. Kept free of
 * aws-cdk-lib so the benchmark loads it in milliseconds.
 */
export const FUNCTION_BUNDLING = {
  /** The Lambda runtime's Node major (the stack's FUNCTION_RUNTIME). */
  target: 'node24',
  format: 'esm',
  // What a function imports on first use (the mail composer and the calendar library, the SDK's rarely taken
  // paths) goes into files of its own beside the handler's, compiled only when first imported: Node compiles the
  // whole of a module's source as it loads, lazily wrapped parts included, and compiling is the largest part of a
  // cold start's import.
  splitting: true,
  // Prefer the ES module builds of dependencies: esbuild can only tree-shake those.
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
  banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  // Without esbuild's keepNames: it wraps every function and class in a naming call run at load (about 2,000 in
  // the console's bundle, 4 to 5 ms of its import). What needs a name sets it: the errors the state machines'
  // Retry/Catch, the logs and the Lambda runtime's errorType read by `name` assign it as a string, as the SDK's
  // service exceptions do. Minified class names only reach messages (jose's error names, the SDK's check for its
  // own no-op logger, which then hands a few rare warnings to that logger instead of the console).
  minify: true,
  // Written beside each bundle, to read a minified stack by hand; the functions run without
  // --enable-source-maps, with which Node reads and parses the whole map as the bundle loads (about a fifth of
  // a bundle's import) for stacks the service never logs: errors are logged by name, and those thrown to the
  // runtime carry no frames (shared/observability/redact-error.ts).
  sourceMap: true,
  // Stack traces need positions only; the sources themselves would double the bundle.
  sourcesContent: false,
  // The SDK clients are bundled (and tree-shaken) rather than taken from the runtime, so the code that runs on
  // Lambda is the code the tests ran, at the locked versions, and a client loads from one parsed file instead of
  // hundreds of the runtime's modules. Left out are only the credential providers a function never reaches: its
  // credentials are always in its environment, so the SDK's chain stops at the first link and never imports
  // these (profile files, SSO, credential processes, web identity tokens: about 90 KB in every bundle).
  external: [
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-web-identity',
  ] as string[],
} as const;

/** The handler file a function's bundle starts from. */
export const functionEntry = (repoRoot: string, name: string): string =>
  join(repoRoot, 'functions', name, 'handler.ts');

/** The file in a function's asset that Lambda loads, and the handler it exports, as the function names it. */
export const FUNCTION_ENTRY_FILE = 'index.mjs';
export const FUNCTION_HANDLER = 'index.handler';

/** The esbuild build of a function's asset: `index.mjs`, and beside it the parts it loads later. */
export const functionBuildOptions = (repoRoot: string, name: string, outdir: string): BuildOptions => ({
  entryPoints: [functionEntry(repoRoot, name)],
  outdir,
  entryNames: 'index',
  outExtension: { '.js': '.mjs' },
  splitting: FUNCTION_BUNDLING.splitting,
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  target: FUNCTION_BUNDLING.target,
  format: FUNCTION_BUNDLING.format,
  mainFields: [...FUNCTION_BUNDLING.mainFields],
  banner: { js: FUNCTION_BUNDLING.banner },
  minify: FUNCTION_BUNDLING.minify,
  sourcemap: FUNCTION_BUNDLING.sourceMap,
  sourcesContent: FUNCTION_BUNDLING.sourcesContent,
  external: [...FUNCTION_BUNDLING.external],
  metafile: true,
  logLevel: 'warning',
});

/**
 * The files of a built asset that importing the function loads before it answers: its `index.mjs` and what that
 * imports statically, in turn. What it loads on first use is an entry point of its own in esbuild's metafile, and
 * is left out.
 */
export const outputsLoadedAtStart = (metafile: Metafile): string[] => {
  const { outputs } = metafile;
  const loaded = new Set<string>();
  const visit = (path: string | undefined) => {
    if (!path || loaded.has(path)) return;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(Object.keys(outputs).find((path) => path.endsWith(`/${FUNCTION_ENTRY_FILE}`)));
  return [...loaded];
};
