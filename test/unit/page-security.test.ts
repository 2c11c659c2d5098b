import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formKinds } from '#shared/domain/form-fields.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';
import { noticeKinds, renderNoticePage } from '#shared/pages/notice-page.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';

const pages = [
  ...formKinds.flatMap((form) =>
    (['ja', 'en'] as const).map((locale) =>
      renderFormPage({
        form,
        locale,
        action: '/forms/token',
        context: {
          recipientName: 'A',
          candidateName: 'B',
          deadline: '2026-12-02T09:00:00Z',
          zone: 'Asia/Tokyo',
          ask: 2,
          round: 2,
        },
        values: { concerns: 'x' },
        errors: {
          concerns: 'one-needed',
          decision: 'required',
          wellbeing: 'required',
          teamSummary: 'text-needed',
        },
      }),
    ),
  ),
  ...noticeKinds.map((kind) => renderNoticePage(kind, 'ja').html),
];

describe('page security headers', () => {
  it('allow exactly the style block every page carries, and nothing else', () => {
    const policy = pageHeaders['content-security-policy'] ?? '';
    for (const html of pages) {
      const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
      expect(blocks).toHaveLength(1);
      const hash = createHash('sha256')
        .update(blocks[0]?.[1] ?? '', 'utf8')
        .digest('base64');
      expect(policy).toContain(`style-src 'sha256-${hash}'`);
      // The policy would block these, so a page using them would look broken.
      expect(html).not.toMatch(/\sstyle=|<script|<link|<img/);
    }
  });

  it('lock the page down: no other sources, posts only to us, no framing, no base change', () => {
    expect(pageHeaders['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
    );
  });

  it('keep the signed link out of caches and referrers, and HTML as HTML', () => {
    expect(pageHeaders).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
  });
});
