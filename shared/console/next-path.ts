export const CONSOLE_HOME = '/console';

/** `/console` or a path under it (plain segments, never `.` or `..`), then an optional query of URL-safe characters. */
const CONSOLE_PATH =
  /^\/console(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?(?:\?[A-Za-z0-9._~!$'()*+,;=:@/?&%-]*)?$/;

/**
 * Where to go after signing in: only a page of this console, so a crafted sign-in link can never send a person
 * on to another site (`//evil.example`, `/\evil`, `https://...`, `/console/../x`): an allow-list of characters,
 * not a deny-list of tricks.
 */
export const safeNextPath = (next: string | undefined): string =>
  next && next.length <= 1024 && CONSOLE_PATH.test(next) ? next : CONSOLE_HOME;
