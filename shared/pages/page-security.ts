import { createHash } from 'node:crypto';
import { pageStyle } from '#shared/pages/page-style.ts';

// Hashed from the style text itself at load, so editing the CSS can never leave the policy behind.
const styleHash = createHash('sha256').update(pageStyle, 'utf8').digest('base64');

/**
 * Headers for every page people open from an email: nothing but our own style sheet may load or run, forms
 * post only back to us, and the signed link in the address never leaks through a referrer or a cache.
 */
export const pageHeaders: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};
