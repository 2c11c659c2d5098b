import { describe, expect, it } from 'vitest';
import type { PulsePoint } from '#shared/domain/pulse.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';
import { renderPulseResultPage } from '#shared/pages/pulse-result-page.ts';

const formPage = (locale: 'ja' | 'en', values?: Record<string, string>) =>
  renderFormPage({
    form: 'pulse',
    locale,
    action: '/forms/eyJqIjoiMSJ9.c2ln',
    context: { recipientName: '山田 花子', candidateName: '山田 花子', zone: 'Asia/Tokyo' },
    values,
  });

const series: PulsePoint[] = [
  { at: '2027-02-08T03:00:00.000Z', check: 1, answer: 'fair' },
  { at: '2027-02-15T03:00:00.000Z', check: 2, answer: 'cloudy', workload: 'rainy' },
  { at: '2027-03-01T03:00:00.000Z', check: 3, answer: 'stormy' },
];
const resultPage = (locale: 'ja' | 'en', answer: PulsePoint['answer'] = 'stormy') =>
  renderPulseResultPage({
    locale,
    series,
    answer,
    hr: { name: '佐藤 綾', email: 'aya.sato@example.co.jp' },
    zone: 'Asia/Tokyo',
  });

describe('the pulse check page', () => {
  it('starts from the answer chosen in the mail, with one send button and two optional questions', () => {
    const html = formPage('ja', { answer: 'cloudy' });
    expect(html).toContain('最近、仕事の調子はいかがですか？');
    expect(html).toMatch(/name="answer" id="answer-cloudy" value="cloudy" required checked/);
    expect(html.match(/ checked/g)).toHaveLength(1);
    expect(html).toMatch(/name="workload" id="workload-sunny" value="sunny">/);
    expect(html).toMatch(/name="relationships" id="relationships-stormy" value="stormy">/);
    expect(html).toContain('maxlength="1000"');
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('人事だけが読みます');
    for (const label of ['快晴', '晴れ', 'くもり', '雨', '大雨', '仕事量', '人間関係'])
      expect(html).toContain(label);
  });

  it('reads in English too, and selects nothing for an answer that is not on the scale', () => {
    const html = formPage('en', { answer: 'hail' });
    expect(html).toContain('How are you doing at work lately?');
    expect(html).toContain('Only HR reads your answers');
    expect(html).not.toContain(' checked');
  });
});

describe('the page after sending a pulse check', () => {
  it('shows the answers so far as a chart with dates and weather, without a score', () => {
    const html = resultPage('ja');
    expect(html).toContain('<svg class="pulse-chart"');
    expect(html).toContain('これまでの回答：2/8 晴れ、2/15 くもり、3/1 大雨');
    expect(html).toContain('点数や良し悪しをつけるものではありません');
    expect(html).not.toMatch(/点数：|スコア|score/i);
  });

  it('fits the self-care note to the answer, says it is fine to say things are hard, and how to reach HR', () => {
    const hard = resultPage('ja', 'stormy');
    expect(hard).toContain('一人で抱え込まず');
    expect(hard).toContain('つらいときに「つらい」と答えても、まったく問題ありません');
    expect(hard).toContain('人事の佐藤 綾（aya.sato@example.co.jp）');
    expect(resultPage('ja', 'cloudy')).toContain('くもりの日もあります');
    expect(resultPage('ja', 'sunny')).toContain('いい調子で過ごせているようで何よりです');

    const english = resultPage('en', 'fair');
    expect(english).toContain('Your answers so far: 8 Feb Fair, 15 Feb Cloudy, 1 Mar Stormy');
    expect(english).toContain('It is good to hear that things are going well.');
    expect(english).toContain('It is completely fine to say things are hard');
    expect(english).toContain('Contact 佐藤 綾 in HR (aya.sato@example.co.jp)');
  });
});
