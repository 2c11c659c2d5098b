import { parseArgs } from 'node:util';

export type Lang = 'en' | 'ja';

export type Command =
  | { name: 'start'; file: string }
  | { name: 'show'; journeyId: string }
  | { name: 'list'; query: Record<string, string> }
  | {
      name: 'move';
      journeyId: string;
      startDate?: string;
      sessions: Record<string, string>;
      locations: Record<string, string>;
    }
  | { name: 'cancel'; journeyId: string; reason: string }
  | { name: 'left'; journeyId: string; on: string; reason: string }
  | { name: 'erase'; journeyId: string }
  | { name: 'reissue'; journeyId: string; formId: string };

export const COMMANDS = ['start', 'show', 'list', 'move', 'cancel', 'left', 'erase', 'reissue'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface GlobalOptions {
  api?: string;
  region?: string;
  json: boolean;
  lang?: Lang;
}

export type Parsed =
  | { kind: 'run'; command: Command; options: GlobalOptions }
  | { kind: 'help'; command?: CommandName; options: GlobalOptions }
  | { kind: 'usage-error'; message: string; command?: CommandName; options: GlobalOptions };

const optionSpec = {
  api: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  reason: { type: 'string' },
  on: { type: 'string' },
  'start-date': { type: 'string' },
  session: { type: 'string', multiple: true },
  location: { type: 'string', multiple: true },
  status: { type: 'string' },
  hr: { type: 'string' },
  'start-month': { type: 'string' },
  q: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
} as const;

/** Which options each command takes beyond the global ones; anything else is a usage error, not silently ignored. */
const commandOptions: Record<CommandName, string[]> = {
  start: [],
  show: [],
  list: ['status', 'hr', 'start-month', 'q', 'limit', 'cursor'],
  move: ['start-date', 'session', 'location'],
  cancel: ['reason'],
  left: ['on', 'reason'],
  erase: ['yes'],
  reissue: [],
};
const globalOptions = ['api', 'region', 'json', 'lang', 'help'];
const positionalCount: Record<CommandName, number> = {
  start: 1,
  show: 1,
  list: 0,
  move: 1,
  cancel: 1,
  left: 1,
  erase: 1,
  reissue: 2,
};

const isCommand = (word: string | undefined): word is CommandName =>
  (COMMANDS as readonly string[]).includes(word ?? '');

export const parseArguments = (argv: string[]): Parsed => {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message, options: { json: false } };
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  const options: GlobalOptions = { api: values.api, region: values.region, json: values.json ?? false };
  if (lang !== undefined) {
    if (lang !== 'en' && lang !== 'ja')
      return { kind: 'usage-error', message: '--lang must be en or ja', options };
    options.lang = lang;
  }
  const [first, ...rest] = positionals;
  if (first === 'help' || first === undefined) {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) {
      return { kind: 'usage-error', message: `unknown command: ${topic}`, options };
    }
    return { kind: 'help', command: topic, options };
  }
  if (!isCommand(first)) return { kind: 'usage-error', message: `unknown command: ${first}`, options };
  if (values.help) return { kind: 'help', command: first, options };

  const error = (message: string): Parsed => ({ kind: 'usage-error', message, command: first, options });
  const allowed = new Set([...globalOptions, ...commandOptions[first]]);
  const stray = Object.keys(values).find((key) => !allowed.has(key) && !isDefaultValue(values, key));
  if (stray) return error(`${first} does not take --${stray}`);
  if (rest.length !== positionalCount[first]) {
    return error(`${first} takes ${positionalCount[first]} argument(s), got ${rest.length}`);
  }
  const [one = '', two = ''] = rest;
  switch (first) {
    case 'start':
      return { kind: 'run', command: { name: 'start', file: one }, options };
    case 'show':
      return { kind: 'run', command: { name: 'show', journeyId: one }, options };
    case 'list':
      return { kind: 'run', command: { name: 'list', query: listQuery(values) }, options };
    case 'move': {
      const sessions = byRound(values.session ?? []);
      if (typeof sessions === 'string')
        return error(`--session takes <round>=<ISO datetime>, got "${sessions}"`);
      const locations = byRound(values.location ?? []);
      if (typeof locations === 'string') return error(`--location takes <round>=<place>, got "${locations}"`);
      const startDate = values['start-date'];
      if (
        startDate === undefined &&
        [sessions, locations].every((rounds) => Object.keys(rounds).length === 0)
      ) {
        return error('move needs --start-date, --session or --location');
      }
      return {
        kind: 'run',
        command: { name: 'move', journeyId: one, startDate, sessions, locations },
        options,
      };
    }
    case 'cancel':
      if (!values.reason) return error('cancel needs --reason');
      return { kind: 'run', command: { name: 'cancel', journeyId: one, reason: values.reason }, options };
    case 'left':
      // The API checks the day and the reason category, and names what is wrong with each.
      if (!values.on || !values.reason) return error('left needs --on and --reason');
      return {
        kind: 'run',
        command: { name: 'left', journeyId: one, on: values.on, reason: values.reason },
        options,
      };
    case 'erase':
      // Erasure cannot be undone, so it is never the default outcome of a mistyped command.
      if (!values.yes) return error('erase deletes the journey for good: add --yes to confirm');
      return { kind: 'run', command: { name: 'erase', journeyId: one }, options };
    case 'reissue':
      return { kind: 'run', command: { name: 'reissue', journeyId: one, formId: two }, options };
  }
};

/** `<round>=<value>` options by round; the first one not of that shape, if any. */
const byRound = (entries: string[]): Record<string, string> | string => {
  const rounds: Record<string, string> = {};
  for (const entry of entries) {
    const match = /^(\d+)=(.+)$/s.exec(entry);
    if (!match?.[1] || !match[2]) return entry;
    rounds[match[1]] = match[2];
  }
  return rounds;
};

const isDefaultValue = (values: Record<string, unknown>, key: string) => values[key] === false;

const listQuery = (values: Record<string, unknown>): Record<string, string> => {
  const names: [string, string][] = [
    ['status', 'status'],
    ['hr', 'hr'],
    ['start-month', 'startMonth'],
    ['q', 'q'],
    ['limit', 'limit'],
    ['cursor', 'cursor'],
  ];
  const query: Record<string, string> = {};
  for (const [option, param] of names) {
    const value = values[option];
    if (typeof value === 'string') query[param] = value;
  }
  return query;
};
