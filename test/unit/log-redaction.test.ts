import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '#shared/observability/logger.ts';
import { REDACTED, redactText } from '#shared/observability/redact.ts';

const TASK_TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAeXkfHKwEnG0lfJ7gHw2k9uQ+pS4Wz1RQ8vN3mT7bYh5cD2aF6eG9jK0lM';
const LINK_TOKEN =
  'eyJqb3VybmV5SWQiOiJqLThkZmVlN2Q3N2U1NGFiYzgzNDdjIiwiZm9ybUlkIjoiZi1jY2M1YmJkYTNjNTAzZDg2In0.PBhWuA-cYQO_ImptGEVPywaFqmy4lHR9SpUR_PZh9ac';
// Not hex and not mixed case: only the rule for the configured key itself can catch it.
const SIGNING_KEY = 'quiet-river-under-old-stone-bridges';
const ADDRESS = 'hanako.yamada+test@example.co.jp';
const NOTE = '家族の事情で迷っていた';

let lines: string[];

beforeEach(() => {
  lines = [];
  vi.stubEnv('LINK_SIGNING_KEY', SIGNING_KEY);
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the structured logger', () => {
  it('masks keys that hold secrets, addresses, people or their words, whatever the value', () => {
    logger.info('form answered', {
      journeyId: 'j-8dfee7d77e54abc8347c',
      formId: 'f-ccc5bbda3c503d86',
      result: 'resumed',
      taskToken: 'short',
      token: 'abc',
      task_token: 'abc',
      hrLeadEmail: 'lead',
      privateNotes: NOTE,
      notes: NOTE,
      answers: { concerns: NOTE },
      recipient: { name: '高橋 健', role: 'interviewer' },
      to: ['高橋 健'],
    });
    const [line] = logged();
    expect(line).toMatchObject({
      message: 'form answered',
      journeyId: 'j-8dfee7d77e54abc8347c',
      formId: 'f-ccc5bbda3c503d86',
      result: 'resumed',
      taskToken: REDACTED,
      token: REDACTED,
      task_token: REDACTED,
      hrLeadEmail: REDACTED,
      privateNotes: REDACTED,
      notes: REDACTED,
      answers: REDACTED,
      recipient: REDACTED,
      to: REDACTED,
    });
    expect(lines.join('')).not.toContain(NOTE);
    expect(lines.join('')).not.toContain('高橋');
  });

  it('masks addresses, link tokens, task tokens and the signing key inside any text, errors included', () => {
    const error = new Error(`SendTaskSuccess refused ${TASK_TOKEN} for ${ADDRESS} at /forms/${LINK_TOKEN}`);
    logger.error(`could not mail ${ADDRESS}`, {
      error,
      detail: `key ${SIGNING_KEY} and ${ADDRESS.toUpperCase()}`,
      nested: [{ url: `https://follow-up.example.com/forms/${LINK_TOKEN}` }],
    });
    const output = lines.join('');
    for (const secret of [TASK_TOKEN, LINK_TOKEN, SIGNING_KEY, ADDRESS, ADDRESS.toUpperCase()]) {
      expect(output).not.toContain(secret);
    }
    const [line] = logged();
    expect(line).toMatchObject({
      message: `could not mail ${REDACTED}`,
      error: {
        name: 'Error',
        message: `SendTaskSuccess refused ${REDACTED} for ${REDACTED} at /forms/${REDACTED}`,
      },
    });
  });

  it('keeps what logs are for: ids, outcomes, error names, times, ARNs and code locations', () => {
    const kept = [
      'j-8dfee7d77e54abc8347c',
      'f-ccc5bbda3c503d86',
      '2026-11-24T01:00:00.000Z',
      'arn:aws:states:ap-northeast-1:123456789012:execution:OfferFollowUp9F3A1B2C:j-8dfee7d77e54abc8347c',
      'c6af9ac6-7b61-11e6-9a41-93e812345678',
      '1-5759e988-bd862e3fe1be46a994272793',
      'at handler (/work/main/node_modules/aws-local-stepfunctions/build/main.node.esm.js:1:2)',
      'ConditionalCheckFailedException',
      'round-start-r1',
      'already-used',
    ];
    for (const text of kept) expect(redactText(text)).toBe(text);
  });
});
