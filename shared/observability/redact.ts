/**
 * What a log line may never hold: task tokens, link tokens, signing keys, email addresses, names, and anything
 * a person wrote (private notes above all: sensitive personal information under APPI). Instead of trusting
 * every call site, the logger passes each key and value through `redactSensitive` as it writes the line:
 *
 * - a key that names a secret, an address, a person or their words is masked whatever its value holds;
 * - any other text has email addresses, form link tokens (`<payload>.<signature>`) and long opaque
 *   credentials (task tokens, keys) masked inside it, so an error message quoting one leaks nothing either.
 *
 * Ids, statuses, outcomes, error names and times pass unchanged: they are what logs are for.
 */
export const REDACTED = '[redacted]';

// Keys are compared in lower case without dashes or underscores: `taskToken`, `task_token` and `Task-Token`
// are one key.
const normalized = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Any key ending in one of these is masked: `taskToken`, `nextToken`, `hrLeadEmail`, `privateNotes`, ... */
const sensitiveEndings = [
  'token',
  'secret',
  'password',
  'signingkey',
  'apikey',
  'authorization',
  'cookie',
  'email',
  'emails',
  'notes',
  'answers',
];

/** These keys hold people (name and address together) or what they wrote in a form or a request. */
const sensitiveKeys = new Set([
  // form answers and HR's free text
  'concerns',
  'impressions',
  'strengths',
  'remainingconcerns',
  'progress',
  'topics',
  'teamsummary',
  'followup',
  'selection',
  // people and addresses
  'candidate',
  'employee',
  'recipient',
  'hr',
  'manager',
  'mentor',
  'interviewers',
  'attendee',
  'to',
  'cc',
  'bcc',
  'replyto',
  'candidatename',
  'employeename',
  'recipientname',
  // raw requests and messages
  'body',
  'rawmessage',
  'headers',
]);

const isSensitiveKey = (key: string): boolean => {
  const name = normalized(key);
  return sensitiveKeys.has(name) || sensitiveEndings.some((ending) => name.endsWith(ending));
};

const EMAIL_ADDRESS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Form links are `<base64url payload>.<base64url signature>`; the payload alone is 60 characters or more. */
const LINK_TOKEN = /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g;
/** A run of 32 or more base64 or hex characters: task tokens, keys and secrets look like this. */
const OPAQUE_RUN = /[A-Za-z0-9+/_=-]{32,}/g;

// Paths in stack traces are long runs too, but never hex only, nor upper case, lower case and digits mixed.
const looksLikeCredential = (run: string): boolean =>
  /^[0-9a-f]+$/i.test(run) || (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run));

/** Text with every address, link token and credential-like run in it masked. */
export const redactText = (text: string): string => {
  let redacted = text
    .replace(LINK_TOKEN, REDACTED)
    .replace(EMAIL_ADDRESS, REDACTED)
    .replace(OPAQUE_RUN, (run) => (looksLikeCredential(run) ? REDACTED : run));
  // The signing key in use, whatever it looks like.
  const signingKey = process.env.LINK_SIGNING_KEY;
  if (signingKey && signingKey.length >= 8) redacted = redacted.split(signingKey).join(REDACTED);
  return redacted;
};

/** A `JSON.stringify` replacer (Powertools Logger's `jsonReplacerFn`) that masks what logs must not hold. */
export const redactSensitive = (key: string, value: unknown): unknown => {
  if (key !== '' && isSensitiveKey(key) && value !== undefined && value !== null && value !== '') {
    return REDACTED;
  }
  return typeof value === 'string' ? redactText(value) : value;
};
