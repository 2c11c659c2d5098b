import { DateTime } from 'luxon';
import type { Locale } from '#shared/domain/offer.ts';
import { type PulsePoint, type Weather, weatherLabels, weatherMood, weathers } from '#shared/domain/pulse.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { renderPage } from '#shared/pages/page-layout.ts';
import { weatherGlyph, weatherIcon } from '#shared/pages/weather-icons.ts';

export interface PulseResultInput {
  locale: Locale;
  /** The person's answered checks so far, this one last. */
  series: PulsePoint[];
  answer: Weather;
  hr: { name: string; email: string };
  zone: string;
}

interface ResultCopy {
  title: string;
  thanks: string;
  chartHeading: string;
  chartNote: string;
  chartLabel: (points: string) => string;
  notes: Record<ReturnType<typeof weatherMood>, string[]>;
  fineToSay: string;
  contactHeading: string;
  contact: (name: string, email: string) => string;
  dayPattern: string;
  listSeparator: string;
}

const copy: Record<Locale, ResultCopy> = {
  ja: {
    title: '送信しました。ありがとうございます',
    thanks: '回答は人事だけが読みます。上司やメンター、チームの誰にも見せることはありません。',
    chartHeading: 'これまでの回答',
    chartNote: '点数や良し悪しをつけるものではありません。ご自身の様子を振り返る目安にしてください。',
    chartLabel: (points) => `これまでの回答：${points}`,
    notes: {
      good: [
        'いい調子で過ごせているようで何よりです。',
        'うまくいっていることを、ときどき振り返ってみてください。休めるときにしっかり休むことも、この調子を保つコツです。',
      ],
      'so-so': [
        'くもりの日もあります。新しい環境では、疲れや戸惑いを感じるのは自然なことです。',
        '睡眠と食事を少しだけ意識して、気になることは小さいうちに誰かに話してみてください。',
      ],
      hard: [
        '教えてくださってありがとうございます。つらいと伝えるのは、とても大切なことです。',
        '一人で抱え込まず、無理をしすぎないでください。休むことを優先してかまいません。話したくなったら、いつでも人事に声をかけてください。',
      ],
    },
    fineToSay:
      'つらいときに「つらい」と答えても、まったく問題ありません。それで評価が変わることはありません。',
    contactHeading: '人事への連絡先',
    contact: (name, email) =>
      `人事の${name}（${email}）まで、いつでもご連絡ください。チェックのメールに返信しても届きます。`,
    dayPattern: 'M/d',
    listSeparator: '、',
  },
  en: {
    title: 'Sent. Thank you',
    thanks:
      'Only HR reads your answers. They are never shown to your manager, your mentor or anyone in your team.',
    chartHeading: 'Your answers so far',
    chartNote:
      'There is no score and no right or wrong here: it is only for you to look back on how things have been.',
    chartLabel: (points) => `Your answers so far: ${points}`,
    notes: {
      good: [
        'It is good to hear that things are going well.',
        'Now and then, notice what is working for you. Resting properly when you can also helps keep it that way.',
      ],
      'so-so': [
        'Some days are cloudy. Feeling tired or unsure in a new place is perfectly natural.',
        'Go a little easy on yourself, mind your sleep and meals, and share small worries with someone while they are still small.',
      ],
      hard: [
        'Thank you for telling us. Saying that things are hard matters.',
        'Please do not carry it alone, and do not push yourself too hard: it is fine to put rest first. Whenever you would like to talk, HR is here.',
      ],
    },
    fineToSay: 'It is completely fine to say things are hard when they are. It never counts against you.',
    contactHeading: 'How to reach HR',
    contact: (name, email) =>
      `Contact ${name} in HR (${email}) at any time. Replying to the check-in email reaches them too.`,
    dayPattern: 'd LLL',
    listSeparator: ', ',
  },
};

const WIDTH = 560;
const ROW = 40;
const TOP = 24;
// Room for the scale's labels on the left, and for half a picture at either end of the series.
const LEFT = 120;
const RIGHT = 32;
const BOTTOM = 48;
const HEIGHT = TOP + ROW * (weathers.length - 1) + BOTTOM;

const rowY = (weather: Weather): number => TOP + ROW * weathers.indexOf(weather);

/**
 * The answers over time as a small SVG: the weather scale down the side, one picture per answer. No numbers,
 * no trend line colours that say "good" or "bad": only where each answer sat.
 */
const chart = (input: PulseResultInput, text: ResultCopy): SafeHtml => {
  const { series, locale, zone } = input;
  const span = WIDTH - LEFT - RIGHT;
  const x = (index: number) =>
    series.length === 1 ? LEFT + span / 2 : LEFT + (span * index) / (series.length - 1);
  const day = (at: string) => DateTime.fromISO(at).setZone(zone).setLocale(locale).toFormat(text.dayPattern);
  const described = series
    .map((point) => `${day(point.at)} ${weatherLabels[locale][point.answer]}`)
    .join(text.listSeparator);
  const line = series.map((point, index) => `${x(index)},${rowY(point.answer)}`).join(' ');
  return html`<svg class="pulse-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="pulse-chart-title">
<title id="pulse-chart-title">${text.chartLabel(described)}</title>
${weathers.map(
  (weather) =>
    html`<line x1="${LEFT - 24}" y1="${rowY(weather)}" x2="${WIDTH - RIGHT + 16}" y2="${rowY(weather)}" stroke="#e4e4e0" stroke-width="1"/>
<text x="${LEFT - 32}" y="${rowY(weather) + 5}" text-anchor="end" font-size="14" fill="#555555">${weatherLabels[locale][weather]}</text>
`,
)}${series.length > 1 && html`<polyline points="${line}" fill="none" stroke="#8fb3c4" stroke-width="2"/>`}
${series.map(
  (point, index) =>
    html`${weatherGlyph(point.answer, x(index), rowY(point.answer), 30)}
<text x="${x(index)}" y="${HEIGHT - 8}" text-anchor="middle" font-size="13" fill="#555555">${day(point.at)}</text>
`,
)}</svg>`;
};

/** What the new hire sees after sending a pulse check: their answers so far, a note for today, and HR. */
export const renderPulseResultPage = (input: PulseResultInput): string => {
  const text = copy[input.locale];
  const mood = weatherMood(input.answer);
  return renderPage({
    locale: input.locale,
    title: text.title,
    body: html`<h1>${text.title}</h1>
<p>${text.thanks}</p>
<section class="pulse-note pulse-note-${mood}">
<p class="pulse-today">${weatherIcon(input.answer, 40)}<strong>${weatherLabels[input.locale][input.answer]}</strong></p>
${text.notes[mood].map((line) => html`<p>${line}</p>`)}
<p>${text.fineToSay}</p>
</section>
<h2>${text.chartHeading}</h2>
${chart(input, text)}
<p class="meta">${text.chartNote}</p>
<h2>${text.contactHeading}</h2>
<p>${text.contact(input.hr.name, input.hr.email)}</p>`,
  });
};
