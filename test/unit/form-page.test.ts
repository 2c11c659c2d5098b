import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '#shared/domain/form-answers.ts';
import { type FormPageInput, renderFormPage } from '#shared/pages/form-page.ts';

const page = (overrides: Partial<FormPageInput> = {}): string =>
  renderFormPage({
    form: 'interviewer-insight',
    locale: 'ja',
    action: '/forms/eyJqIjoiMSJ9.c2ln',
    context: {
      recipientName: '高橋 健',
      candidateName: '山田 花子',
      deadline: '2026-12-02T09:00:00Z',
      zone: 'Asia/Tokyo',
    },
    ...overrides,
  });

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));

// Every label points at a control and every description reference at an element, as screen readers need.
const expectBoundLabels = (html: string) => {
  const present = ids(html);
  const labelTargets = [...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]);
  for (const target of labelTargets) expect(present, `label for ${target}`).toContain(target);
  const described = [...html.matchAll(/aria-describedby="([^"]+)"/g)].flatMap(
    (match) => match[1]?.split(' ') ?? [],
  );
  for (const target of described) expect(present, `description ${target}`).toContain(target);
  return labelTargets;
};

describe('the interviewer insight form page', () => {
  it('is a complete page in the recipient language that posts back to its own link', () => {
    const html = page();
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>山田 花子さんのオファー面談に向けて</title>');
    expect(html).toContain('<form method="post" action="/forms/eyJqIjoiMSJ9.c2ln"');
    expect(html).toContain('<button type="submit">送信する</button>');
    expect(html).not.toContain('<script');
  });

  it('has a labelled box for each question', () => {
    const html = page();
    expect(expectBoundLabels(html)).toEqual(['concerns', 'impressions', 'strengths']);
    for (const name of ['concerns', 'impressions', 'strengths']) {
      expect(html).toMatch(new RegExp(`<textarea id="${name}" name="${name}"[^>]* maxlength="2000"`));
    }
    expect(html).toContain('口にしなかった');
  });

  it('shows the deadline in the journey time zone', () => {
    expect(page()).toContain('回答期限：2026年12月2日(水) 18:00 (日本時間)');
    expect(
      page({ context: { recipientName: 'Ken', candidateName: 'Hanako', zone: 'Asia/Tokyo' } }),
    ).not.toContain('回答期限');
  });

  it('is in English for English readers', () => {
    const html = page({ locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Hesitations or worries you sensed');
    expect(html).toContain('Please answer by Wed, 2 Dec 2026, 18:00 (Asia/Tokyo)');
    expect(html).toContain('<button type="submit">Send</button>');
  });

  it('shows each error next to its field, tied to it for screen readers, and lists them at the top', () => {
    const html = page({ values: { concerns: '', impressions: '' }, errors: { concerns: 'one-needed' } });
    const message = fieldErrorMessage('one-needed', 'ja');
    expect(html).toContain(`<p class="error" id="concerns-error">${message}</p>`);
    expect(html).toMatch(
      /<textarea id="concerns" name="concerns"[^>]*aria-describedby="concerns-hint concerns-error" aria-invalid="true">/,
    );
    expect(html).toMatch(/<textarea id="impressions"[^>]*aria-describedby="impressions-hint">/);
    expect(html).toContain('<div class="error-summary" role="alert">');
    expect(html).toContain(`<a href="#concerns">感じた迷いや不安・懸念：${message}</a>`);
    expectBoundLabels(html);
  });

  it('gives back what the person typed, escaped', () => {
    const typed = '</textarea><script>alert("x")</script>\n二行目 🎉';
    const html = page({ values: { concerns: typed }, errors: { impressions: 'too-long' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '&lt;/textarea&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\n二行目 🎉</textarea>',
    );
  });

  it('escapes names and the action address', () => {
    const html = page({
      action: '/forms/x"><script>',
      context: {
        recipientName: '<img src=x>',
        candidateName: '<script>alert(1)</script>',
        zone: 'Asia/Tokyo',
      },
    });
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('action="/forms/x&quot;&gt;&lt;script&gt;"');
  });
});

describe('the offer outcome form page', () => {
  const outcome = (overrides: Partial<FormPageInput> = {}) =>
    page({
      form: 'offer-outcome',
      context: { recipientName: '佐藤 綾', candidateName: '山田 花子', zone: 'Asia/Tokyo', ask: 1 },
      ...overrides,
    });

  it('offers the three decisions as labelled choices', () => {
    const html = outcome();
    for (const [value, label] of [
      ['accepted', '承諾された'],
      ['declined', '辞退された'],
      ['undecided', 'まだ検討中'],
    ]) {
      expect(html).toMatch(
        new RegExp(
          `<label class="choice"><input type="radio" name="decision" id="decision-${value}" value="${value}" required> ${label}</label>`,
        ),
      );
    }
    expect(html).toMatch(
      /<fieldset class="field" aria-describedby="decision-hint">\n<legend>ご意向<\/legend>/,
    );
  });

  it('labels the notes as private to HR and the remaining concerns as shared with the team', () => {
    const html = outcome();
    expect(expectBoundLabels(html)).toEqual(['remainingConcerns', 'notes']);
    expect(html).toMatch(
      /<label for="notes" class="private">人事メモ（非公開）<\/label>[\s\S]*共有されません/,
    );
    expect(html).toMatch(/<textarea id="notes" name="notes"[^>]* maxlength="4000"/);
    expect(html).toMatch(/上司・メンターへ共有されます/);
    expect(outcome({ locale: 'en' })).toMatch(/Private HR notes[\s\S]*never shared/);
  });

  it('keeps the chosen decision and marks a missing one', () => {
    expect(outcome({ values: { decision: 'undecided' } })).toContain('value="undecided" required checked>');
    const html = outcome({ values: {}, errors: { decision: 'required' } });
    expect(html).toContain('<fieldset class="field" aria-describedby="decision-hint decision-error">');
    expect(html).toContain(`<p class="error" id="decision-error">${fieldErrorMessage('required', 'ja')}</p>`);
    expect(html).toContain('<a href="#decision-accepted">');
  });

  it('says when HR is asked again', () => {
    expect(outcome()).not.toContain('回目の確認');
    expect(
      outcome({
        context: { recipientName: '佐藤 綾', candidateName: '山田 花子', zone: 'Asia/Tokyo', ask: 2 },
      }),
    ).toContain('2回目の確認です');
  });
});
