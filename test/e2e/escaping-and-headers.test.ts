import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { scenarioOffer } from '../support/sample-offer.ts';
import { tableSnapshot } from '../support/table-snapshot.ts';

/**
 * Names and free text that try to become markup or mail headers travel through a whole offer phase: every
 * email keeps one line per header and its people, every page and HTML body shows the text escaped, and pages
 * carry their security headers. Oversized bodies are refused and write nothing.
 */

const SCRIPT = '<script>alert("x")</script>';
const BCC = '\r\nBcc: x@evil.example';
const ANSWER = `</textarea><script>alert(document.cookie)</script> "double" & 'single'${BCC} 🎉`;

const offer = scenarioOffer('escaping', {
  candidate: { name: `花子${SCRIPT}${BCC} 👩‍💻`, email: 'hanako+escaping@example.com' },
  hr: { name: `綾 "O'Brien" & <b>co</b>\r\nX-Injected: yes`, email: 'aya.sato+escaping@example.co.jp' },
  manager: {
    name: `一郎 <iframe src="https://evil.example">\r\nCc: z@evil.example`,
    email: 'ichiro+escaping@example.co.jp',
  },
  mentor: { name: `美咲 ' onmouseover='alert(1)`, email: 'misaki+escaping@example.co.jp' },
  interviewers: [
    { name: `健</textarea><script>x()</script>${BCC}`, email: 'ken+escaping@example.co.jp' },
    {
      name: `Emma "<img src=x onerror=alert(1)>"\r\nX-Injected: yes 🎉`,
      email: 'emma+escaping@example.co.jp',
      locale: 'en',
    },
  ],
  selection: { concerns: [`<script>steal()</script> "quoted" 'single'${BCC} 😀`], situation: [] },
});
const recipients = [offer.candidate, offer.hr, offer.manager, offer.mentor, ...offer.interviewers].map(
  (person) => person.email,
);

/** Markup that must never appear as such in a page or an HTML body built from the text above. */
const RAW_MARKUP = [
  /<script/i,
  /<iframe/i,
  /<img/i,
  /<b>/,
  /onmouseover='/,
  /<[^>]*\son[a-z]+=/i,
  /<\/textarea><script/,
];
const ESCAPED_NAME = '花子&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

let system: LocalSystem;
let journeyId: string;

interface StoredEmail {
  messageId: string;
  subject: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  replyTo: string[];
  body: { html?: string };
  attachments: { contentType: string; content: string }[];
}
const storedEmails = async (): Promise<StoredEmail[]> => {
  await system.runtime.idle();
  return ((await (await fetch(`${system.runtime.sesUrl}/store`)).json()) as { emails: StoredEmail[] }).emails;
};

/** The message as the local SES server keeps it, in RFC 5322 form: its header lines, unfolded. */
const rawHeaders = async (messageId: string): Promise<string[]> => {
  const response = await fetch(
    `${system.runtime.sesUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`,
  );
  const { body } = (await response.json()) as { body: string | { data: number[] } };
  const raw = typeof body === 'string' ? body : Buffer.from(body.data).toString('utf8');
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  return head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
};

const linkTo = async (address: string): Promise<string> =>
  formLinkIn((await system.mailTo(address)).filter((email) => /\/forms\//.test(email.text)).at(-1));

const expectPageHeaders = (response: Response, html: string) => {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toContain('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const directives = (response.headers.get('content-security-policy') ?? '').split(/;\s*/).sort();
  // Nothing may load or run but the one style block the page carries, allowed by its hash.
  const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  expect(directives).toEqual(
    [
      "base-uri 'none'",
      "default-src 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      `style-src 'sha256-${hash}'`,
    ].sort(),
  );
  expect(html.match(/<style/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script|<[^>]*\son[a-z]+=/i);
};

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

describe('hostile names and free text', () => {
  it('start a journey like any other', async () => {
    journeyId = await system.startJourney(offer);
    expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);
    for (const interviewer of offer.interviewers)
      expect(await system.mailTo(interviewer.email)).toHaveLength(1);
  });

  it('are escaped on form pages, which send a strict policy, no-store and no-referrer', async () => {
    for (const interviewer of offer.interviewers) {
      const response = await fetch(await linkTo(interviewer.email));
      const html = await response.text();
      expect(response.status).toBe(200);
      expectPageHeaders(response, html);
      for (const markup of RAW_MARKUP) expect(html).not.toMatch(markup);
      expect(html).toContain(ESCAPED_NAME);
    }
    // An answer shown again for fixing comes back escaped inside its box, never closing it.
    const refused = await system.submitForm(await linkTo(offer.interviewers[0]?.email ?? ''), {
      concerns: `${'x'.repeat(2001)}${ANSWER}`,
    });
    const html = await refused.text();
    expect(refused.status).toBe(400);
    expectPageHeaders(refused, html);
    for (const markup of RAW_MARKUP) expect(html).not.toMatch(markup);
    expect(html).toContain(
      '&lt;/textarea&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt; &quot;double&quot;',
    );
  });

  it('are refused when the body is oversized, and nothing is written', async () => {
    await system.runtime.idle();
    const before = { table: await tableSnapshot(), mail: (await system.emails()).length };
    const link = await linkTo(offer.interviewers[0]?.email ?? '');
    const big = scenarioOffer('escaping-big', { selection: { concerns: [], situation: [] } });
    const overJsonLimit = JSON.stringify({ ...big, padding: 'あ'.repeat(22 * 1024) });
    expect(Buffer.byteLength(overJsonLimit)).toBeGreaterThan(64 * 1024);
    const json = { 'content-type': 'application/json' };
    const answers = { 'content-type': 'application/x-www-form-urlencoded' };

    const refusals = await Promise.all([
      system.api('/journeys', { method: 'POST', headers: json, body: overJsonLimit }),
      system.api(`/journeys/${journeyId}`, {
        method: 'PATCH',
        headers: json,
        body: JSON.stringify({ startDate: '2027-05-06', padding: 'x'.repeat(65 * 1024) }),
      }),
      system.api(`/journeys/${journeyId}/cancel`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ reason: 'x'.repeat(65 * 1024) }),
      }),
      fetch(link, {
        method: 'POST',
        headers: answers,
        body: new URLSearchParams({ concerns: 'あ'.repeat(15 * 1024) }).toString(),
      }),
    ]);
    expect(refusals.map((response) => response.status)).toEqual([413, 413, 413, 413]);
    const tooLarge = refusals[3] as Response;
    const page = await tooLarge.text();
    expectPageHeaders(tooLarge, page);
    expect(page).toMatch(/長すぎます/);

    await system.runtime.idle();
    expect(await tableSnapshot()).toEqual(before.table);
    expect((await system.emails()).length).toBe(before.mail);
    expect((await system.api(`/journeys/${journeyId}`)).status).toBe(200);
    expect((await system.postJson('/journeys', big)).status).toBe(201);
  });

  it('travel through answers, the brief, the outcome and the handoff', async () => {
    for (const interviewer of offer.interviewers) {
      const response = await system.submitForm(await linkTo(interviewer.email), {
        concerns: ANSWER,
        impressions: SCRIPT,
        strengths: '',
      });
      expect(response.status).toBe(200);
      expectPageHeaders(response, await response.clone().text());
    }
    await system.advanceTo('2026-12-03T11:00:00+09:00');
    const outcomeLink = await linkTo(offer.hr.email);
    const outcomePage = await fetch(outcomeLink);
    const outcomeHtml = await outcomePage.text();
    expectPageHeaders(outcomePage, outcomeHtml);
    for (const markup of RAW_MARKUP) expect(outcomeHtml).not.toMatch(markup);
    expect(outcomeHtml).toContain('綾 &quot;O&#39;Brien&quot; &amp; &lt;b&gt;co&lt;/b&gt;');

    const recorded = await system.submitForm(outcomeLink, {
      decision: 'accepted',
      remainingConcerns: ANSWER,
      notes: SCRIPT,
    });
    expect(recorded.status).toBe(200);
    const again = await system.submitForm(outcomeLink, { decision: 'declined' });
    expect(again.status).toBe(409);
    expectPageHeaders(again, await again.text());
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey)).toEqual(expect.arrayContaining(['brief.sent', 'handoff.sent']));
  });

  it('never put a line break or a header of their own into any email', async () => {
    const emails = (await storedEmails()).filter((email) =>
      email.destination.to.some((to) => recipients.some((address) => to.includes(address))),
    );
    // Invitation, two interviewer requests, brief, outcome request, two handoffs.
    expect(emails.length).toBeGreaterThanOrEqual(7);
    for (const email of emails) {
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.destination.cc).toEqual([]);
      expect(email.destination.bcc).toEqual([]);
      expect(email.destination.to).toHaveLength(1);
      expect(email.destination.to[0]).not.toMatch(/[\r\n]|evil\.example>/);
      expect(email.replyTo).toEqual([offer.hr.email]);

      const headers = await rawHeaders(email.messageId);
      for (const line of headers) expect(line).toMatch(/^[A-Za-z][A-Za-z0-9-]*: /);
      const names = headers.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names.filter((name) => name === 'subject')).toHaveLength(1);
      expect(names.filter((name) => name === 'to')).toHaveLength(1);
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('cc');
      expect(names).not.toContain('x-injected');

      for (const attachment of email.attachments.filter((file) =>
        file.contentType.startsWith('text/calendar'),
      )) {
        const lines = Buffer.from(attachment.content, 'base64')
          .toString('utf8')
          .replace(/\r\n[ \t]/g, '')
          .split('\r\n')
          .filter(Boolean);
        for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z-]*[;:]/);
        expect(lines.some((line) => /^(BCC|X-INJECTED|CC)[;:]/i.test(line))).toBe(false);
      }
    }
  });

  it('never let names or answers become markup in any HTML body', async () => {
    const emails = (await storedEmails()).filter((email) =>
      email.destination.to.some((to) => recipients.some((address) => to.includes(address))),
    );
    const bodies = emails.map((email) => email.body.html ?? '');
    for (const body of bodies) for (const markup of RAW_MARKUP) expect(body).not.toMatch(markup);
    const all = bodies.join('\n');
    expect(all).toContain(ESCAPED_NAME);
    expect(all).toContain('&lt;/textarea&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(all).toContain('&lt;script&gt;steal()&lt;/script&gt; &quot;quoted&quot; &#39;single&#39;');
    expect(all).toContain('👩‍💻');
  });
});
