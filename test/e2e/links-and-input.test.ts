import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes, formLinkIn, type LocalSystem, startLocalSystem } from '../support/local-system.ts';
import { readByTheStandards } from '../support/raw-mail.ts';
import { scenarioOffer } from '../support/sample-offer.ts';

let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem();
});
afterAll(async () => {
  await system?.runtime.stop();
});

const startJourney = async (tag: string, overrides: Record<string, unknown> = {}) => {
  const offer = scenarioOffer(tag, overrides);
  const journeyId = await system.startJourney(offer);
  const [request] = await system.mailTo(offer.interviewers[0]?.email ?? '');
  return { offer, journeyId, link: formLinkIn(request) };
};

describe('starting a journey', () => {
  it('answers bad input with 400 and a message per field, and writes nothing', async () => {
    const offer = scenarioOffer('bad-input', {
      candidate: { name: '', email: 'nope' },
      startDate: 'April',
    });
    const response = await system.postJson('/journeys', offer);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['candidate.email', 'candidate.name', 'startDate']);

    const journeyId = await system.startJourney(scenarioOffer('bad-input'));
    expect(eventTypes(await system.journey(journeyId))[0]).toBe('journey.started');
    expect(
      (await system.journey(journeyId)).timeline.filter((event) => event.type === 'journey.started'),
    ).toHaveLength(1);
  });

  it('refuses a body that is not JSON, and a meeting in the past', async () => {
    const notJson = await system.api('/journeys', { method: 'POST', body: '{"offerId":' });
    expect(notJson.status).toBe(400);
    const past = await system.postJson(
      '/journeys',
      scenarioOffer('past', { offerMeetingAt: '2026-11-20T10:00:00+09:00' }),
    );
    expect(past.status).toBe(400);
    expect(((await past.json()) as { errors: Record<string, string> }).errors).toHaveProperty(
      'offerMeetingAt',
    );
  });

  it('returns the same journey for the same offer, once, and 409 for a changed one', async () => {
    const offer = scenarioOffer('twice');
    const first = await system.postJson('/journeys', offer);
    const again = await system.postJson('/journeys', offer);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const { journeyId } = (await first.json()) as { journeyId: string };
    expect(((await again.json()) as { journeyId: string }).journeyId).toBe(journeyId);
    expect(await system.mailTo(offer.candidate.email)).toHaveLength(1);
    expect(
      eventTypes(await system.journey(journeyId)).filter((type) => type === 'invitation.sent'),
    ).toHaveLength(1);

    const changed = await system.postJson('/journeys', { ...offer, startDate: '2027-05-01' });
    expect(changed.status).toBe(409);
  });

  it('answers 404 for a journey that does not exist', async () => {
    expect((await system.api('/journeys/j-unknown')).status).toBe(404);
  });
});

describe('the API description', () => {
  it('serves an OpenAPI 3.1 document of the routes at GET /openapi.json', async () => {
    const response = await system.api('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as { openapi: string; paths: Record<string, object> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/journeys']).toHaveProperty('post.requestBody');
    expect(Object.keys(document.paths['/journeys/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(document.paths['/forms/{token}'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(document.paths['/openapi.json']).toHaveProperty('get');
  });
});

describe('emailed form links', () => {
  it('shows the form on GET without changing anything, as mail scanners fetch links', async () => {
    const { journeyId, link } = await startJourney('scanned');
    for (let i = 0; i < 3; i += 1) {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toContain('no-store');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toContain('name="concerns"');
    }
    const journey = await system.journey(journeyId);
    expect(journey.forms[0]?.status).toBe('open');
    expect(eventTypes(journey)).not.toContain('prep.submitted');
  });

  it('refuses a tampered link with a readable page and changes nothing', async () => {
    const { journeyId, link } = await startJourney('tampered');
    const tampered = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const response = await system.submitForm(tampered, { concerns: 'x' });
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<html/);
    expect((await system.journey(journeyId)).forms[0]?.status).toBe('open');
  });

  it('shows a re-used link that it was already answered, and records the first answer only', async () => {
    const { journeyId, link } = await startJourney('reused');
    expect((await system.submitForm(link, { concerns: '一回目' })).status).toBe(200);
    const second = await system.submitForm(link, { concerns: '二回目' });
    expect(second.status).toBe(409);
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey).filter((type) => type === 'prep.submitted')).toHaveLength(1);
  });

  it('lets only one of two simultaneous submissions through', async () => {
    const { journeyId, link } = await startJourney('double');
    const [a, b] = await Promise.all([
      system.submitForm(link, { concerns: 'A' }),
      system.submitForm(link, { concerns: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const journey = await system.journey(journeyId);
    expect(eventTypes(journey).filter((type) => type === 'prep.submitted')).toHaveLength(1);
    expect(eventTypes(journey).filter((type) => type === 'brief.sent')).toHaveLength(1);
  });

  it('re-shows the form with field messages for an empty answer, and keeps it open', async () => {
    const { journeyId, link } = await startJourney('empty');
    const response = await system.submitForm(link, { concerns: '', impressions: '', strengths: '' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('name="concerns"');
    expect((await system.journey(journeyId)).forms[0]?.status).toBe('open');
  });

  it('closes every link of a withdrawn offer and takes the meeting out of the candidate calendar', async () => {
    const { offer, journeyId, link } = await startJourney('withdrawn');
    const response = await system.api(`/journeys/${journeyId}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'offer-withdrawn' }),
    });
    expect(response.status).toBe(200);
    expect((await fetch(link)).status).toBe(410);
    const withdrawal = (await system.mailTo(offer.candidate.email)).at(-1);
    expect(withdrawal?.attachments[0]?.content).toMatch(/METHOD:CANCEL/);
    // Read as mail clients do: the alternative says CANCEL, and HR's own calendar loses the entry too.
    if (!withdrawal) throw new Error('no withdrawal');
    const cancel = await readByTheStandards(system, withdrawal);
    const alternative = cancel.calendars.find((part) => part.alternative);
    expect(alternative?.method).toBe('CANCEL');
    expect(alternative?.event.getFirstPropertyValue('status')).toBe('CANCELLED');
    const hrCopy = (await system.organizerCopiesTo(offer.hr.email)).at(-1);
    if (!hrCopy) throw new Error('no copy for HR');
    const hrEntry = (await readByTheStandards(system, hrCopy)).calendars.find((part) => part.alternative);
    expect(hrEntry?.method).toBe('CANCEL');
    expect(hrEntry?.event.getFirstPropertyValue('uid')).toBe(alternative?.event.getFirstPropertyValue('uid'));
    expect(hrEntry?.event.getFirstPropertyValue('sequence')).toBe(1);
    const journey = await system.journey(journeyId);
    expect(journey.status).toBe('cancelled');
    expect(eventTypes(journey).slice(-2)).toEqual(['invitation.cancelled', 'journey.cancelled']);
  });

  it('shows an expired link as expired once its deadline has passed', async () => {
    const { journeyId, link } = await startJourney('expired');
    await system.advanceTo('2026-12-02T18:00:00+09:00');
    const page = await fetch(link);
    expect(page.status).toBe(410);
    expect(eventTypes(await system.journey(journeyId))).toContain('prep.expired');
  });
});

describe('link signing keys rotating while links are out', () => {
  // After the tests above, the clock is at the first meetings' prep deadline: these offers meet a week later.
  const later = { offerMeetingAt: '2026-12-10T10:00:00+09:00' };
  const kidOf = (link: string): string => {
    const payload = link.split('/forms/')[1]?.split('.')[0] ?? '';
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { kid: string }).kid;
  };
  const rotate = async () => {
    const response = await system.api('/local/rotate-link-key', { method: 'POST' });
    expect(response.status).toBe(200);
  };
  // Past the cache every function rereads the key set after and the new key's activation.
  const minutesLater = async (minutes: number) =>
    system.advanceTo(new Date(system.runtime.now().getTime() + minutes * 60_000).toISOString());
  let beforeRotations: Awaited<ReturnType<typeof startJourney>>;

  it('keeps links mailed before two rotations working, and signs new mail with the newest key', async () => {
    beforeRotations = await startJourney('rotation-first-key', later);
    const kept = await startJourney('rotation-kept', later);
    await rotate();
    // The new key signs only once every function can have read it.
    const rightAfter = await startJourney('rotation-right-after', later);
    expect(kidOf(rightAfter.link)).toBe(kidOf(kept.link));
    await minutesLater(11);
    const second = await startJourney('rotation-second-key', later);
    expect(kidOf(second.link)).not.toBe(kidOf(kept.link));

    await rotate();
    await minutesLater(11);
    const third = await startJourney('rotation-third-key', later);
    expect([kidOf(kept.link), kidOf(second.link)]).not.toContain(kidOf(third.link));

    for (const { link } of [kept, rightAfter, second, third]) {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="concerns"');
    }
    expect((await system.submitForm(kept.link, { concerns: '鍵が二度替わった後の回答' })).status).toBe(200);
    expect(eventTypes(await system.journey(kept.journeyId))).toContain('prep.submitted');
  });

  it('refuses, with a readable page, a link whose key was dropped once no link it signed could still be valid', async () => {
    const { journeyId, link } = beforeRotations;
    await system.advanceTo('2027-06-25T10:00:00+09:00');
    expect((await fetch(link)).status).toBe(410);
    await rotate();
    await minutesLater(6);
    const page = await system.submitForm(link, { concerns: '届かないはずの回答' });
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/<html/);
    expect(eventTypes(await system.journey(journeyId))).not.toContain('prep.submitted');
  });
});
