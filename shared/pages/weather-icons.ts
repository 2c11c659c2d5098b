import type { Weather } from '#shared/domain/pulse.ts';
import { type SafeHtml, trustedHtml } from '#shared/html/escape.ts';

// Drawn with presentation attributes only: the pages' CSP allows no style attribute, and no image loads.
const cloud = (fill: string) =>
  `<path d="M9 25h15a5 5 0 0 0 0-10 7 7 0 0 0-13.4-1.6A5.5 5.5 0 0 0 9 25z" fill="${fill}"/>`;
const drops = (color: string, count: number) =>
  Array.from(
    { length: count },
    (_, index) =>
      `<line x1="${11 + index * 5}" y1="27" x2="${9 + index * 5}" y2="31" stroke="${color}" stroke-width="2" stroke-linecap="round"/>`,
  ).join('');

const shapes: Record<Weather, string> = {
  sunny:
    '<circle cx="16" cy="16" r="7" fill="#f2a900"/>' +
    [0, 45, 90, 135, 180, 225, 270, 315]
      .map(
        (angle) =>
          `<line x1="16" y1="3" x2="16" y2="6" stroke="#f2a900" stroke-width="2" stroke-linecap="round" transform="rotate(${angle} 16 16)"/>`,
      )
      .join(''),
  fair: `<circle cx="12" cy="11" r="6" fill="#f2a900"/>${cloud('#b7c4cc')}`,
  cloudy: cloud('#9aa5ab'),
  rainy: `<g transform="translate(0 -3)">${cloud('#7d8a91')}</g>${drops('#2f6f8f', 3)}`,
  stormy: `<g transform="translate(0 -3)">${cloud('#4f5a60')}</g>${drops('#1f4f6f', 4)}<path d="M17 19l-3 6h3l-2 5 5-7h-3l2-4z" fill="#f2a900"/>`,
};

/** A weather answer as a small picture beside its label; decorative, so screen readers read the label. */
export const weatherIcon = (weather: Weather, size = 32): SafeHtml =>
  trustedHtml(
    `<svg class="weather-icon" width="${size}" height="${size}" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${shapes[weather]}</svg>`,
  );

/** The same picture placed inside a larger SVG (the chart), centred on a point. */
export const weatherGlyph = (weather: Weather, x: number, y: number, size: number): SafeHtml =>
  trustedHtml(
    `<svg x="${x - size / 2}" y="${y - size / 2}" width="${size}" height="${size}" viewBox="0 0 32 32" aria-hidden="true">${shapes[weather]}</svg>`,
  );
