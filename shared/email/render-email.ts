import type { Locale } from '#shared/domain/locale.ts';
import { oneLine } from '#shared/email/one-line.ts';
import type { RenderedEmail } from '#shared/email/rendered-email.ts';
import { html, type SafeHtml, withLineBreaks } from '#shared/html/escape.ts';

/** The parts an email is written in; each is drawn once as plain text and once as HTML, so both agree. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'link'; label: string; url: string }
  /** A question answered by choosing one of several links, each a button of its own. */
  | { kind: 'choices'; items: { label: string; url: string }[] }
  /** Words someone else wrote (an interviewer, HR), set apart from ours. */
  | { kind: 'quote'; text: string };

export interface EmailContent {
  locale: Locale;
  subject: string;
  greeting: string;
  blocks: EmailBlock[];
  signature: string;
}

/** Mail the system writes in its own name says so; replies still reach HR through the reply-to address. */
export const automatedSignature: Record<Locale, string> = {
  ja: 'フォローアップ面談サポート（自動送信）',
  en: 'Follow-up interview assistant (automated message)',
};

const webUrl = (url: string): string => {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`not a web link: ${protocol}`);
  return url;
};

const bullet: Record<Locale, string> = { ja: '・', en: '- ' };
const factSeparator: Record<Locale, string> = { ja: '：', en: ': ' };

const indentFollowingLines = (text: string, indent: string): string =>
  text.replace(/\r\n|\r|\n/g, `\n${indent}`);

const textBlock = (block: EmailBlock, locale: Locale): string => {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `■ ${block.text}`;
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : bullet[locale];
          // A full-width bullet is as wide as two spaces, so follow-on lines line up under the text.
          return marker + indentFollowingLines(item, block.ordered ? ' '.repeat(marker.length) : '  ');
        })
        .join('\n');
    case 'facts':
      return block.rows.map((row) => `${row.label}${factSeparator[locale]}${row.value}`).join('\n');
    case 'link':
      return `${block.label}\n${webUrl(block.url)}`;
    case 'quote':
      return `> ${indentFollowingLines(block.text, '> ')}`;
    case 'choices':
      return block.items.map((item) => `${bullet[locale]}${item.label}\n  ${webUrl(item.url)}`).join('\n');
  }
};

const font =
  "font-family:'Hiragino Sans','Hiragino Kaku Gothic ProN',Meiryo,'Noto Sans JP',Arial,sans-serif;font-size:15px;line-height:1.7;color:#222222;";

const htmlBlock = (block: EmailBlock): SafeHtml => {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;">${withLineBreaks(block.text)}</p>`;
    case 'heading':
      return html`<h2 style="margin:24px 0 8px;font-size:16px;border-left:4px solid #2f6f8f;padding-left:8px;">${block.text}</h2>`;
    case 'list': {
      const items = block.items.map((item) => html`<li style="margin:0 0 6px;">${withLineBreaks(item)}</li>`);
      return block.ordered
        ? html`<ol style="margin:0 0 16px;padding-left:22px;">${items}</ol>`
        : html`<ul style="margin:0 0 16px;padding-left:22px;">${items}</ul>`;
    }
    case 'facts':
      return html`<table role="presentation" style="margin:0 0 16px;border-collapse:collapse;">${block.rows.map(
        (row) =>
          html`<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:bold;vertical-align:top;">${row.label}</th><td style="padding:4px 0;">${row.value}</td></tr>`,
      )}</table>`;
    case 'link': {
      const url = webUrl(block.url);
      return html`<p style="margin:0 0 6px;"><a href="${url}" style="display:inline-block;padding:10px 20px;background:#2f6f8f;color:#ffffff;text-decoration:none;border-radius:4px;">${block.label}</a></p><p style="margin:0 0 16px;font-size:13px;color:#555555;word-break:break-all;">${url}</p>`;
    }
    case 'choices':
      return html`<p style="margin:0 0 16px;">${block.items.map(
        (item) =>
          html`<a href="${webUrl(item.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;background:#2f6f8f;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">${item.label}</a>`,
      )}</p>`;
    case 'quote':
      return html`<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #cccccc;background:#f7f7f7;">${withLineBreaks(block.text)}</blockquote>`;
  }
};

export const renderEmail = (content: EmailContent): RenderedEmail => {
  const subject = oneLine(content.subject);
  const text = [
    content.greeting,
    ...content.blocks.map((block) => textBlock(block, content.locale)),
    content.signature,
  ]
    .join('\n\n')
    .concat('\n');
  const body = html`<!doctype html>
<html lang="${content.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:16px;background:#f4f4f1;">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;${font}">
<p style="margin:0 0 16px;">${content.greeting}</p>
${content.blocks.map(htmlBlock)}
<p style="margin:24px 0 0;color:#555555;">${withLineBreaks(content.signature)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html: body.toString() };
};
