import { DateTime } from 'luxon';
import type { Locale } from '#shared/domain/locale.ts';
import { type PulsePoint, type Weather, weatherLabels, weatherMood, weathers } from '#shared/domain/pulse.ts';
import { html, type SafeHtml } from '#shared/html/escape.ts';
import { levelChart } from '#shared/pages/level-chart.ts';
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

/** The answers so far, each drawn as its weather. */
const chart = (input: PulseResultInput, text: ResultCopy): SafeHtml => {
  const { series, locale, zone } = input;
  const day = (at: string) => DateTime.fromISO(at).setZone(zone).setLocale(locale).toFormat(text.dayPattern);
  const described = series
    .map((point) => `${day(point.at)} ${weatherLabels[locale][point.answer]}`)
    .join(text.listSeparator);
  return levelChart({
    id: 'pulse-chart',
    title: text.chartLabel(described),
    levels: weathers.map((weather) => ({ key: weather, label: weatherLabels[locale][weather] })),
    points: series.map((point) => ({ level: point.answer, label: day(point.at) })),
    mark: (weather, x, y) => weatherGlyph(weather as Weather, x, y, 30),
  });
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
