import type { SafeHtml } from '#shared/html/escape.ts';

/** What a console route answers: a page in the console's frame, or a redirect (after every successful POST). */
export type ConsoleResult = { redirect: string } | { status: number; title: string; body: SafeHtml };
