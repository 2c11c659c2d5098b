import { resolve } from 'node:path';

/**
 * Defined by esbuild when the local runtime runs from its build (`infra/local/launch.mjs`): the build's modules sit
 * in shared chunks under `node_modules/.cache`, where their own location says nothing of the project's.
 */
declare const LOCAL_BUILD: { projectRoot: string; outdir: string } | undefined;

/** The local runtime's build this code runs from; none when it runs from its TypeScript sources. */
export const localBuild = typeof LOCAL_BUILD === 'undefined' ? undefined : LOCAL_BUILD;

/** The project's root folder, whether this code runs from its sources or from the local runtime's build. */
export const PROJECT_ROOT = localBuild?.projectRoot ?? resolve(import.meta.dirname, '..');
