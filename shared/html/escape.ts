/**
 * The one way this project writes HTML: interpolations are escaped unless they are fragments this helper
 * built, so names and free text from people can never become markup.
 */
export class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => entities[char] ?? char);

// null, undefined and false render nothing, so `${condition && html`...`}` reads naturally in templates.
const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml =>
  new SafeHtml(strings.reduce((markup, text, index) => markup + render(values[index - 1]) + text));

/**
 * Markup written in this codebase (the page's style sheet), never text from outside: CSS inside `<style>`
 * is not decoded by browsers, so escaping it would break it.
 */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);

/** Free text keeps the line breaks its author typed. */
export const withLineBreaks = (text: string): SafeHtml =>
  new SafeHtml(
    text
      .split(/\r\n|\r|\n/)
      .map(escapeHtml)
      .join('<br>\n'),
  );
