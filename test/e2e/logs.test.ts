import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-context.ts';
import { formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

// Logs on, as chatty as they get, before any handler (and so the logger) is loaded.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

/**
 * Everything the system writes to stdout and stderr while journeys run through their forms, private notes
 * and failures included, must hold no task token, link token, signing key, private note or email address.
 */

const OFFER_NOTE = 'PRIVATE-OFFER: 家族の介護のことで迷っていた';
const SESSION_NOTE = 'PRIVATE-SESSION: 通院していると打ち明けてくれた';
const FOLLOW_UP = 'FOLLOW-UP: 産業医との面談を案内する';
const CONCERN = 'CONCERN: 配属先の残業時間';
const TEAM_SUMMARY = 'TEAM-SUMMARY: チームの雰囲気には慣れてきた';

const offer = scenarioOffer('logs', {
  interviewers: [
    { name: '高橋 健', email: 'ken.takahashi+logs@example.co.jp' },
    { name: 'Emma Clarke', email: 'emma.clarke+logs@example.co.jp', locale: 'en' },
  ],
});
const hire = {
  phase: 'onboarding',
  hireId: 'HIRE-logs',
  employee: { name: '山田 花子', email: 'hanako+logs@example.com' },
  hr: { name: '佐藤 綾', email: 'aya.sato+logs-hire@example.co.jp' },
  manager: { name: '鈴木 一郎', email: 'ichiro.suzuki+logs-hire@example.co.jp' },
  mentor: { name: '田中 美咲', email: 'misaki.tanaka+logs-hire@example.co.jp' },
  startDate: '2026-12-07',
  onboarding: { rounds: 1, hrLeadEmail: 'hr-lead+logs@example.co.jp' },
};

const written: string[] = [];
let system: LocalSystem;
let offerJourneyId = '';

const latestLinkTo = async (address: string): Promise<string> => {
  const withLink = (await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text));
  return formLinkIn(withLink.at(-1));
};

beforeAll(async () => {
  const capture = (chunk: unknown) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`${format(...args)}\n`);
    });
  }
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
  vi.restoreAllMocks();
});

describe('logs while journeys run', () => {
  it('runs an offer through interviewer answers and an outcome with private notes', async () => {
    offerJourneyId = await system.startJourney(offer);
    for (const interviewer of offer.interviewers) {
      const answered = await system.submitForm(await latestLinkTo(interviewer.email), {
        concerns: CONCERN,
        impressions: `連絡先: ${offer.candidate.email}`,
        strengths: '',
      });
      expect(answered.status).toBe(200);
    }
    await system.advanceTo('2026-12-03T11:00:00+09:00');
    const outcome = await system.submitForm(await latestLinkTo(offer.hr.email), {
      decision: 'accepted',
      remainingConcerns: CONCERN,
      notes: OFFER_NOTE,
    });
    expect(outcome.status).toBe(200);
    // A second submission and a tampered link are refused (and logged as such, if at all).
    const link = await latestLinkTo(offer.hr.email);
    expect((await system.submitForm(link, { decision: 'declined', notes: OFFER_NOTE })).status).toBe(409);
    expect((await system.submitForm(`${link}x`, { decision: 'declined', notes: OFFER_NOTE })).status).toBe(
      404,
    );
  });

  it('runs a hire through a worried manager, an alert and a session outcome with private notes', async () => {
    const journeyId = await system.startJourney(hire);
    await system.advanceTo('2026-12-07T09:00:00+09:00');
    const [round] = (
      (await system.journey(journeyId)) as unknown as { rounds: { startsAt: string; sessionAt: string }[] }
    ).rounds;
    await system.advanceTo(round?.startsAt ?? '');
    await system.submitForm(await latestLinkTo(hire.manager.email), {
      progress: '',
      wellbeing: 'worried',
      topics: `最近元気がない (${hire.employee.email})`,
    });
    await system.submitForm(await latestLinkTo(hire.mentor.email), {
      progress: '順調',
      wellbeing: 'well',
      topics: '',
    });
    await system.advanceTo(new Date(Date.parse(round?.sessionAt ?? '') + 60 * 60 * 1000).toISOString());
    const recorded = await system.submitForm(await latestLinkTo(hire.hr.email), {
      condition: 'alert',
      privateNotes: SESSION_NOTE,
      consent: 'summary',
      teamSummary: TEAM_SUMMARY,
      followUp: FOLLOW_UP,
    });
    expect(recorded.status).toBe(200);
    // The new hire sees the summary's page (a mail scanner would too), then agrees to share it.
    const confirmation = await latestLinkTo(hire.employee.email);
    expect((await fetch(confirmation)).status).toBe(200);
    expect((await system.submitForm(confirmation, { share: 'yes' })).status).toBe(200);
    expect((await system.journey(journeyId)).status).toBe('completed');
  });

  it('logs the failures of a task given a payload it cannot work with', async () => {
    const { handler } = await import('#functions/request-form/handler.ts');
    const [token] = await taskTokens();
    for (const payload of [
      { journeyId: 'j-00000000000000000000', form: 'interviewer-insight', interviewer: 0, taskToken: token },
      { journeyId: offerJourneyId, form: 'interviewer-insight', interviewer: 7, taskToken: token },
    ]) {
      await expect(handler(payload, lambdaContext('request-form'))).rejects.toThrow();
    }
  });

  it('masks what a careless log line would have leaked, with the real tokens, key and notes', async () => {
    const { logger } = await import('#shared/observability/logger.ts');
    const [taskToken] = await taskTokens();
    const link = await latestLinkTo(offer.hr.email);
    logger.error('careless', {
      error: new Error(`resume failed for ${taskToken} (${offer.hr.email}) via ${link}`),
      taskToken,
      token: link.split('/').at(-1),
      answers: { notes: OFFER_NOTE },
      privateNotes: SESSION_NOTE,
      key: process.env.LINK_SIGNING_KEY,
      detail: `signed with ${process.env.LINK_SIGNING_KEY}`,
    });
  });

  it('wrote logs, and none of them holds a token, the signing key, a private note or an address', async () => {
    await system.runtime.idle();
    const output = written.join('');
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; message: string });
    expect(lines.map((line) => line.message)).toEqual(
      expect.arrayContaining(['journey started', 'form answered', 'task failed', 'careless']),
    );
    expect(lines.some((line) => line.level === 'ERROR')).toBe(true);

    const tokens = await taskTokens();
    expect(tokens.length).toBeGreaterThan(5);
    const linkTokens = (await system.emails()).flatMap((email) =>
      [...email.text.matchAll(/\/forms\/([A-Za-z0-9_.-]+)/g)].map((match) => match[1] ?? ''),
    );
    expect(linkTokens.length).toBeGreaterThan(5);
    const signingKey = process.env.LINK_SIGNING_KEY ?? '';
    expect(signingKey.length).toBeGreaterThan(16);

    const leaks = [
      ...tokens,
      ...linkTokens,
      signingKey,
      OFFER_NOTE,
      SESSION_NOTE,
      FOLLOW_UP,
      CONCERN,
      TEAM_SUMMARY,
    ].filter((secret) => output.includes(secret));
    expect(leaks).toEqual([]);
    expect(output.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).toEqual([]);
    // Parts of the notes, too: a log that cut a note short would still leak it.
    for (const fragment of ['介護', '通院', '産業医', '雰囲気']) expect(output).not.toContain(fragment);
  });
});

/** Every task token the state machines handed out, as the table keeps them for forms and timers. */
const taskTokens = async (): Promise<string[]> =>
  (await tableSnapshot()).flatMap((item) =>
    [...item.matchAll(/"taskToken":\{"S":"([^"]+)"\}/g)].map((match) => match[1] ?? ''),
  );
