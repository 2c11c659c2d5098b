import { describe, expect, it } from 'vitest';
import { parseArguments } from '#shared/cli/arguments.ts';
import { chooseLang, helpText } from '#shared/cli/help-text.ts';

describe('follow-up arguments', () => {
  it('reads each command with its arguments and the global options', () => {
    expect(parseArguments(['start', 'offer.json', '--api', 'https://x.example/prod', '--json'])).toEqual({
      kind: 'run',
      command: { name: 'start', file: 'offer.json' },
      options: { api: 'https://x.example/prod', region: undefined, json: true },
    });
    expect(parseArguments(['show', 'j-1'])).toMatchObject({ command: { name: 'show', journeyId: 'j-1' } });
    expect(parseArguments(['reissue', 'j-1', 'f-2'])).toMatchObject({
      command: { name: 'reissue', journeyId: 'j-1', formId: 'f-2' },
    });
    expect(parseArguments(['left', 'j-1', '--on', '2027-08-31', '--reason', 'voluntary'])).toMatchObject({
      command: { name: 'left', journeyId: 'j-1', on: '2027-08-31', reason: 'voluntary' },
    });
    expect(parseArguments(['cancel', 'j-1', '--reason', 'resigned'])).toMatchObject({
      command: { name: 'cancel', journeyId: 'j-1', reason: 'resigned' },
    });
    expect(parseArguments(['erase', 'j-1', '--yes'])).toMatchObject({
      command: { name: 'erase', journeyId: 'j-1' },
    });
  });

  it('maps list filters to the API parameters, leaving out those not given', () => {
    expect(
      parseArguments(['list', '--status', 'onboarding', '--start-month', '2027-04', '--limit', '5']),
    ).toMatchObject({
      command: { name: 'list', query: { status: 'onboarding', startMonth: '2027-04', limit: '5' } },
    });
  });

  it('moves a start date or any number of sessions', () => {
    expect(parseArguments(['move', 'j-1', '--start-date', '2027-04-15'])).toMatchObject({
      command: { name: 'move', journeyId: 'j-1', startDate: '2027-04-15', sessions: {} },
    });
    expect(
      parseArguments([
        'move',
        'j-1',
        '--session',
        '2=2027-06-03T15:00:00+09:00',
        '--session',
        '3=2027-07-01T15:00:00+09:00',
      ]),
    ).toMatchObject({
      command: { sessions: { '2': '2027-06-03T15:00:00+09:00', '3': '2027-07-01T15:00:00+09:00' } },
    });
    expect(
      parseArguments([
        'move',
        'j-1',
        '--location',
        '2=https://meet.example.com/a',
        '--location',
        '3=本社 会議室B',
      ]),
    ).toMatchObject({
      command: { sessions: {}, locations: { '2': 'https://meet.example.com/a', '3': '本社 会議室B' } },
    });
  });

  it.each([
    [['erase', 'j-1'], /--yes/],
    [['cancel', 'j-1'], /--reason/],
    [['left', 'j-1', '--on', '2027-08-31'], /--on and --reason/],
    [['left', 'j-1', '--on', '2027-08-31', '--reason', 'voluntary', '--yes'], /does not take --yes/],
    [['move', 'j-1'], /--start-date, --session or --location/],
    [['move', 'j-1', '--location', '会議室B'], /<round>=<place>/],
    [['move', 'j-1', '--session', '2027-06-03'], /<round>=<ISO datetime>/],
    [['show'], /takes 1 argument/],
    [['show', 'j-1', '--reason', 'x'], /does not take --reason/],
    [['frobnicate'], /unknown command/],
    [['list', '--colour'], /colour/],
    [['list', '--lang', 'fr'], /--lang/],
  ])('refuses %j as a usage error', (argv, message) => {
    const parsed = parseArguments(argv);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toMatch(message);
  });

  it('asks for help with no command, `help`, `help <command>` or --help', () => {
    expect(parseArguments([])).toMatchObject({ kind: 'help', command: undefined });
    expect(parseArguments(['help', 'move'])).toMatchObject({ kind: 'help', command: 'move' });
    expect(parseArguments(['erase', '--help'])).toMatchObject({ kind: 'help', command: 'erase' });
  });
});

describe('follow-up help', () => {
  it('is Japanese by --lang ja or a Japanese locale, English otherwise', () => {
    expect(chooseLang('ja', { LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(chooseLang(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(chooseLang(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(chooseLang(undefined, {})).toBe('en');
  });

  it('describes every command in both languages, or one command on its own', () => {
    for (const lang of ['en', 'ja'] as const) {
      const text = helpText(lang);
      for (const name of ['start', 'show', 'list', 'move', 'cancel', 'left', 'erase', 'reissue']) {
        expect(text).toContain(`follow-up ${name}`);
      }
      expect(text).toContain('execute-api:Invoke');
    }
    expect(helpText('ja', 'erase')).toContain('元に戻せない');
    expect(helpText('en', 'erase')).not.toContain('follow-up move');
  });
});
