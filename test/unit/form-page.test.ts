import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '#shared/domain/form-fields.ts';
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

describe('the manager prep form page', () => {
  const prep = (overrides: Partial<FormPageInput> = {}) =>
    page({
      form: 'manager-prep',
      context: {
        recipientName: '鈴木 一郎',
        candidateName: '山田 花子',
        deadline: '2027-05-10T09:00:00Z',
        zone: 'Asia/Tokyo',
        round: 2,
      },
      ...overrides,
    });

  it('names the round and the new hire, and says why HR asks', () => {
    const html = prep();
    expect(html).toContain('<title>山田 花子さんの第2回フォローアップ面談に向けて</title>');
    expect(html).toContain('テーマを選ぶ');
    expect(html).toContain('回答期限：2027年5月10日(月) 18:00 (日本時間)');
    const en = prep({ locale: 'en' });
    expect(en).toContain('<h1>Round 2: Before HR&#39;s follow-up 1on1 with 山田 花子</h1>');
    expect(en).toContain('small signs of trouble show early');
  });

  it('leaves the round out when there is none', () => {
    const html = prep({
      context: { recipientName: '鈴木 一郎', candidateName: '山田 花子', zone: 'Asia/Tokyo' },
    });
    expect(html).toContain('<title>山田 花子さんのフォローアップ面談に向けて</title>');
    expect(html).not.toContain('回目');
  });

  it('asks for progress and topics in boxes and how they seem as a required choice', () => {
    const html = prep();
    expect(expectBoundLabels(html)).toEqual(['progress', 'topics']);
    for (const value of ['well', 'some-concern', 'worried']) {
      expect(html).toMatch(
        new RegExp(`<input type="radio" name="wellbeing" id="wellbeing-${value}" value="${value}" required>`),
      );
    }
    expect(html).toMatch(/<legend>本人の様子<\/legend>/);
    expect(prep({ locale: 'en' })).toMatch(
      /Recent progress at work[\s\S]*How they seem[\s\S]*Topics HR should raise/,
    );
  });

  it('keeps the chosen answer and marks a missing one', () => {
    expect(prep({ values: { wellbeing: 'worried' } })).toContain('value="worried" required checked>');
    const html = prep({ values: {}, errors: { wellbeing: 'required' } });
    expect(html).toContain('<a href="#wellbeing-well">');
    expect(html).toContain(
      `<p class="error" id="wellbeing-error">${fieldErrorMessage('required', 'ja')}</p>`,
    );
  });
});

describe('the session outcome form page', () => {
  const outcome = (overrides: Partial<FormPageInput> = {}) =>
    page({
      form: 'session-outcome',
      context: { recipientName: '佐藤 綾', candidateName: '山田 花子', zone: 'Asia/Tokyo', round: 1 },
      ...overrides,
    });

  it('names the round', () => {
    expect(outcome()).toContain('<h1>山田 花子さんの第1回フォローアップ面談の記録</h1>');
    expect(outcome({ locale: 'en' })).toContain(
      '<h1>Round 1: Record of the follow-up 1on1 with 山田 花子</h1>',
    );
  });

  it("names a round's extra follow-up session as such, and what no consent means for it", () => {
    const context = {
      recipientName: '佐藤 綾',
      candidateName: '山田 花子',
      zone: 'Asia/Tokyo',
      round: 1,
      followUp: true,
    };
    const ja = outcome({ context });
    expect(ja).toContain('<h1>山田 花子さんとの追加のフォロー面談（第1回の期間中）の記録</h1>');
    expect(ja).toContain('同意がない場合、上司・メンターにはこの面談のことを何も伝えません。');
    const en = outcome({ locale: 'en', context });
    expect(en).toContain('<h1>Round 1: Record of the extra follow-up 1on1 with 山田 花子</h1>');
    expect(en).toContain('the manager and mentor are not told of this session at all');
  });

  it('offers condition and consent as choices and the rest as boxes', () => {
    const html = outcome();
    expect(expectBoundLabels(html)).toEqual(['privateNotes', 'teamSummary', 'followUp']);
    for (const [name, value] of [
      ['condition', 'good'],
      ['condition', 'watch'],
      ['condition', 'alert'],
      ['consent', 'none'],
      ['consent', 'summary'],
    ]) {
      expect(html).toContain(
        `<input type="radio" name="${name}" id="${name}-${value}" value="${value}" required>`,
      );
    }
    expect(html).toMatch(/<textarea id="privateNotes" name="privateNotes"[^>]* maxlength="4000"/);
    expect(html).toMatch(/<textarea id="teamSummary" name="teamSummary"[^>]* maxlength="2000"/);
  });

  it('says plainly that private notes stay with HR and the summary is shared only with consent', () => {
    const html = outcome();
    expect(html).toMatch(/<label for="privateNotes" class="private">人事メモ（非公開）<\/label>/);
    expect(html).toContain(
      '人事メモは人事だけが見る記録です。上司・メンターや本人を含め、誰にも共有されません。',
    );
    expect(html).toMatch(/本人が共有に同意した場合に限り[\s\S]*上司・メンターに届きます/);
    expect(html).toContain('面談を実施したことだけが伝わります');
    const en = outcome({ locale: 'en' });
    expect(en).toContain('Private notes stay with HR.');
    expect(en).toMatch(/only if the new hire agreed to share it/);
  });

  it('shows a missing team summary next to its box', () => {
    const html = outcome({
      values: { condition: 'good', consent: 'summary', teamSummary: '' },
      errors: { teamSummary: 'text-needed' },
    });
    expect(html).toContain('value="summary" required checked>');
    expect(html).toContain(
      `<p class="error" id="teamSummary-error">${fieldErrorMessage('text-needed', 'ja')}</p>`,
    );
    expect(html).toContain('<a href="#teamSummary">');
  });
});

describe("the new hire's topics form page", () => {
  const topics = (locale: 'ja' | 'en') => page({ form: 'session-topics', locale, context: topicsContext });
  const topicsContext = {
    recipientName: '山田 花子',
    candidateName: '山田 花子',
    deadline: '2027-02-26T09:00:00Z',
    zone: 'Asia/Tokyo',
    round: 1,
  };

  it('asks in two labelled boxes what they want to talk about and what to keep from the team', () => {
    const html = topics('ja');
    expect(expectBoundLabels(html)).toEqual(['topics', 'keepFromTeam']);
    expect(html).toContain('<title>第1回人事との1on1で話したいこと</title>');
    expect(html).toContain('1on1で話したいこと</label>');
    expect(html).toContain('人事からチームには伝えないでほしいこと</label>');
    expect(html).not.toContain('required');
  });

  it('says plainly it is optional and read by HR only, never the manager or mentor, in either language', () => {
    expect(topics('ja')).toMatch(
      /回答は任意です。[\s\S]*人事の担当者が[\s\S]*上司やメンター、チームの誰にも見せることはありません/,
    );
    expect(topics('en')).toMatch(
      /This is optional. Only HR reads what you write here[\s\S]*never shown to your manager, your mentor or anyone in your team/,
    );
    expect(`${topics('ja')}${topics('en')}`).not.toMatch(/評価|査定|assess|evaluat/i);
  });

  it('shows an empty submission the one-box message at the first box', () => {
    const html = page({ form: 'session-topics', context: topicsContext, errors: { topics: 'one-needed' } });
    expect(html).toContain('<p class="error" id="topics-error">いずれか1つ以上の欄にご記入ください。</p>');
  });
});

describe('the summary confirmation page', () => {
  const summary = '質問しやすい時間がほしい\n<b>朝会</b>で話すのが緊張する';
  const confirmation = (locale: 'ja' | 'en', overrides: Partial<FormPageInput> = {}) =>
    page({
      form: 'summary-confirmation',
      locale,
      context: {
        recipientName: '山田 花子',
        candidateName: '山田 花子',
        deadline: '2027-03-04T09:00:00Z',
        zone: 'Asia/Tokyo',
        round: 1,
        teamSummary: summary,
      },
      ...overrides,
    });

  it('shows the exact text, line breaks kept and markup escaped, and answers by one of two buttons', () => {
    const html = confirmation('ja');
    expect(html).toContain(
      '<blockquote class="quoted">質問しやすい時間がほしい\n&lt;b&gt;朝会&lt;/b&gt;で話すのが緊張する</blockquote>',
    );
    expect(html).toContain(
      '<button type="submit" name="share" id="share-yes" value="yes">共有してよい</button>',
    );
    expect(html).toContain('<button type="submit" name="share" id="share-no" value="no">共有しない</button>');
    // The two buttons are the only way to send: no third "send" button.
    expect(html.match(/<button/g)).toHaveLength(2);
    expect(html).toContain('回答期限：2027年3月4日(木) 18:00 (日本時間)');
    expect(expectBoundLabels(html)).toEqual([]);
  });

  it('says in either language what each answer does, that silence shares nothing, and that it is no evaluation', () => {
    expect(confirmation('ja')).toMatch(
      /上司・メンターに届く文面（このとおりに届きます）[\s\S]*「共有しない」を選んだ場合、上司・メンターには面談を実施したことだけ[\s\S]*何も共有しません。どちらを選んでも、評価に影響することはありません。/,
    );
    const en = confirmation('en');
    expect(en).toContain('<h1>Round 1: What would be shared with your team after your 1on1 with HR</h1>');
    expect(en).toContain('>Share it</button>');
    expect(en).toContain('>Don&#39;t share it</button>');
    expect(en).toMatch(/nothing is shared either\. Neither choice affects any evaluation\./);
  });

  it('asks again, at the buttons, when neither was chosen', () => {
    const html = confirmation('ja', { errors: { share: 'required' } });
    expect(html).toContain(
      '<a href="#share-yes">この文面を上司・メンターに共有してよいですか？：選択してください。</a>',
    );
    expect(html).toContain('<p class="error" id="share-error">選択してください。</p>');
  });
});

describe("a journey template's wording", () => {
  const context = { recipientName: '鈴木 一郎', candidateName: '山田 花子', zone: 'Asia/Tokyo', round: 1 };
  const prep = (overrides: Partial<FormPageInput> = {}) =>
    page({ form: 'manager-prep', context, ...overrides });

  it('replaces the label of the fields it words, in the summary of errors too, and keeps the others', () => {
    const html = prep({
      questions: { progress: 'この1カ月で任せた仕事と、その進み具合' },
      errors: { progress: 'required' },
    });
    expect(html).toContain('<label for="progress">この1カ月で任せた仕事と、その進み具合</label>');
    expect(html).toContain('<a href="#progress">この1カ月で任せた仕事と、その進み具合：');
    expect(html).toContain('<legend>本人の様子</legend>');
    expectBoundLabels(html);
  });

  it('changes nothing when it words nothing', () => {
    expect(prep({ questions: {} })).toBe(prep());
  });
});
