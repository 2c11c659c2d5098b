import { describe, expect, it } from 'vitest';
import { noticeKinds, renderNoticePage } from '#shared/pages/notice-page.ts';

describe('notice pages', () => {
  it('answer with the status that fits what happened', () => {
    const statuses = Object.fromEntries(
      noticeKinds.map((kind) => [kind, renderNoticePage(kind, 'ja').status]),
    );
    expect(statuses).toEqual({
      thanks: 200,
      'summary-shared': 200,
      'summary-kept': 200,
      'follow-up-summary-kept': 200,
      'already-used': 409,
      expired: 410,
      invalid: 404,
      closed: 410,
      replaced: 410,
      'too-large': 413,
      unavailable: 503,
    });
  });

  it.each(noticeKinds)('say what happened to "%s" in both languages', (kind) => {
    const ja = renderNoticePage(kind, 'ja').html;
    const en = renderNoticePage(kind, 'en').html;
    expect(ja).toContain('<html lang="ja">');
    expect(en).toContain('<html lang="en">');
    const heading = (html: string) => /<h1>([^<]+)<\/h1>/.exec(html)?.[1];
    expect(heading(ja)).toMatch(/[ぁ-んァ-ヶ]/);
    expect(heading(en)).toMatch(/^[A-Z]/);
    expect(/<title>([^<]+)<\/title>/.exec(ja)?.[1]).toBe(heading(ja));
  });

  it('thank people and tell them they can close the page', () => {
    expect(renderNoticePage('thanks', 'ja').html).toContain('ご回答ありがとうございました');
    expect(renderNoticePage('thanks', 'en').html).toContain('You can close this page.');
  });

  it('tell the new hire what now happens to the team summary they decided on', () => {
    expect(renderNoticePage('summary-shared', 'ja').html).toContain(
      'この文面を、そのまま上司・メンターに共有します。',
    );
    expect(renderNoticePage('summary-kept', 'ja').html).toContain(
      'この文面は共有しません。上司・メンターには、面談を実施したことだけが伝わります。',
    );
    expect(renderNoticePage('summary-shared', 'en').html).toContain('exactly as you read it');
    expect(renderNoticePage('summary-kept', 'en').html).toContain('This text will not be shared.');
    // After an extra follow-up session the team is not told of the session either.
    expect(renderNoticePage('follow-up-summary-kept', 'ja').html).toContain(
      '上司・メンターには、この面談を実施したことも含めて何も伝わりません。',
    );
    expect(renderNoticePage('follow-up-summary-kept', 'en').html).toContain(
      'Your manager and mentor are not told of this session at all.',
    );
  });

  it('tell people who to turn to when a link no longer works', () => {
    for (const kind of ['already-used', 'expired', 'closed'] as const) {
      expect(renderNoticePage(kind, 'ja').html).toContain('人事担当者に直接ご連絡ください');
      expect(renderNoticePage(kind, 'en').html).toContain('please contact HR directly');
    }
  });

  it('send people whose link was replaced to the newest email', () => {
    expect(renderNoticePage('replaced', 'ja').html).toContain('いちばん新しいメール');
    expect(renderNoticePage('replaced', 'en').html).toContain('most recent email');
  });

  it('ask people to try again later when the service is unavailable', () => {
    expect(renderNoticePage('unavailable', 'ja').html).toContain('もう一度お試しください');
    expect(renderNoticePage('unavailable', 'en').html).toContain('try again');
  });
});
