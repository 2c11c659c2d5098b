import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '#shared/domain/report-metrics.ts';
import { renderPage } from '#shared/pages/page-layout.ts';
import { pageHeaders } from '#shared/pages/page-security.ts';
import { reportCharts } from '#shared/pages/report-charts.ts';
import { launchChromium } from '../support/chromium.ts';

const response = (submitted: number, closed: number) => ({
  closed,
  submitted,
  responseRate: closed === 0 ? null : submitted / closed,
});

const sampleFigures: ReportFigures = {
  journeys: 42,
  offers: { made: 30, accepted: 24, declined: 3, lapsed: 1, noDecision: 2, acceptanceRate: 0.8571 },
  rounds: {
    due: 80,
    heldOnTime: 74,
    onTimeRate: 0.925,
    byRound: [
      {
        round: 1,
        due: 40,
        heldOnTime: 38,
        onTimeRate: 0.95,
        conditions: { good: 31, watch: 7, alert: 1, notRecorded: 1 },
        prep: response(71, 80),
      },
      {
        round: 2,
        due: 40,
        heldOnTime: 36,
        onTimeRate: 0.9,
        conditions: { good: 28, watch: 9, alert: 2, notRecorded: 1 },
        prep: response(60, 80),
      },
      {
        round: 3,
        due: 0,
        heldOnTime: 0,
        onTimeRate: null,
        conditions: { good: 0, watch: 0, alert: 0, notRecorded: 0 },
        prep: response(0, 0),
      },
    ],
  },
  prep: { ...response(131, 160), byRole: [] },
  alerts: {
    raised: 6,
    bySource: { manager: 2, mentor: 0, session: 1, pulse: 2, '<b>other</b>': 1 },
    handled: 4,
    open: 2,
    medianHoursToHandle: 3.5,
  },
  pulse: {
    answered: 120,
    unanswered: 8,
    byCheck: [1, 2, 3].map((check) => ({
      check,
      answers: { sunny: 12 - check, fair: 18, cloudy: 7 + check, rainy: 2, stormy: check === 3 ? 1 : 0 },
      unanswered: 2 + check,
    })),
  },
  retention: { byStartMonth: [] },
};

const page = (locale: 'ja' | 'en', figures = sampleFigures) =>
  renderPage({ locale, title: 'Report', body: reportCharts(figures, locale) });

describe('the report charts', () => {
  it('draws each chart as SVG with a title and a description, and its numbers in a table', () => {
    const markup = page('ja');
    const charts = markup.match(/<svg[^>]*>/g) ?? [];
    expect(charts).toHaveLength(4);
    for (const chart of charts) {
      expect(chart).toMatch(/role="img"/);
      expect(chart).toMatch(/aria-labelledby="(report-\w+)-title \1-desc"/);
    }
    for (const id of ['report-offers', 'report-rounds', 'report-conditions', 'report-pulse']) {
      expect(markup).toContain(`<title id="${id}-title">`);
      expect(markup).toContain(`<desc id="${id}-desc">`);
    }
    expect(markup.match(/<table class="report-figures">/g)).toHaveLength(5);
    expect(markup).toContain('<th scope="row">承諾</th><td>24</td>');
    expect(markup).toContain('<th scope="row">第1回</th><td>40</td><td>38 (95%)</td><td>71/80 (88.8%)</td>');
    expect(markup).toContain('<desc id="report-offers-desc">承諾 24、辞退 3、期限切れ 1、未決定 2</desc>');
    expect(markup).toContain('<th scope="row">対応までの時間（中央値）</th><td>3.5時間</td>');
  });

  it('keeps to what the page CSP allows: no script, no style attribute, no outside resource', () => {
    const markup = page('ja');
    expect(markup).not.toMatch(/<script|\sstyle=|\son\w+=|href=|xlink/);
    expect(markup.match(/<style>/g)).toHaveLength(1);
  });

  it('labels everything in Japanese or English, writes a rate with nothing to count over as a dash', () => {
    const japanese = page('ja');
    for (const label of [
      'オファーの結果',
      '予定どおり実施',
      '要フォロー',
      '快晴',
      '大雨',
      '記録なし',
      '第3回',
    ]) {
      expect(japanese).toContain(label);
    }
    const english = page('en');
    for (const label of [
      'Offer outcomes',
      'Held on time',
      'Alert',
      'Sunny',
      'Stormy',
      'Not recorded',
      'Round 3',
    ]) {
      expect(english).toContain(label);
    }
    expect(english).toContain('<th scope="row">Round 3</th><td>0</td><td>0 (—)</td><td>0/0 (—)</td>');
  });

  it('escapes anything that is not its own markup', () => {
    const markup = page('en');
    expect(markup).toContain('&lt;b&gt;other&lt;/b&gt;');
    expect(markup).not.toContain('<b>other</b>');
  });

  it('shows retention by start month, a horizon not reached yet as "not yet", never as a rate', () => {
    const horizons = (stayed: (number | null)[], started: number) =>
      ([3, 6, 12] as const).map((months, index) => {
        const count = stayed[index] ?? null;
        return {
          months,
          reached: count !== null,
          stayed: count,
          retentionRate: count === null ? null : count / started,
        };
      });
    const figures = {
      ...sampleFigures,
      retention: {
        byStartMonth: [
          { startMonth: '2027-04', started: 8, after: horizons([7, 6, null], 8) },
          { startMonth: '2027-05', started: 2, after: horizons([null, null, null], 2) },
        ],
      },
    };
    expect(page('ja', figures)).toContain(
      '<th scope="row">2027年4月</th><td>8</td><td>7/8 (87.5%)</td><td>6/8 (75%)</td><td>まだ</td>',
    );
    expect(page('en', figures)).toContain(
      '<th scope="row">2027-05</th><td>2</td><td>Not yet</td><td>Not yet</td><td>Not yet</td>',
    );
    expect(page('en', sampleFigures)).not.toContain('Retention');
  });

  it('says so when no journey started in the period', () => {
    const empty = { ...sampleFigures, journeys: 0 };
    expect(page('en', empty)).toContain('Nothing to show for this period yet.');
    expect(page('en', empty)).not.toContain('<svg');
  });
});

describe('the report charts in Chromium', () => {
  it('show under the page CSP with nothing blocked, and fit a phone without scrolling sideways', async () => {
    const browser = await launchChromium();
    try {
      for (const locale of ['ja', 'en'] as const) {
        const tab = await browser.newPage({ viewport: { width: 375, height: 800 } });
        const blocked: string[] = [];
        tab.on('console', (message) => {
          if (/Content Security Policy|Refused/.test(message.text())) blocked.push(message.text());
        });
        // Served with the pages' own headers, so the CSP applies as it does to every page.
        await tab.route('http://report.test/', (route) =>
          route.fulfill({ status: 200, headers: { ...pageHeaders }, body: page(locale) }),
        );
        await tab.goto('http://report.test/');
        expect(blocked).toEqual([]);
        expect(Number(await tab.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
        const firstChart = await tab.locator('svg.report-chart').first().boundingBox();
        expect(firstChart?.width).toBeGreaterThan(250);
        // For a person to look at: the charts as a phone shows them (not kept by the test run).
        await tab.screenshot({ path: join(tmpdir(), `report-charts-${locale}.png`), fullPage: true });
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
