import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml, withLineBreaks } from '#shared/html/escape.ts';

const hostile = `<script>alert("x")</script> O'Brien & co`;

describe('the html template', () => {
  it('escapes every interpolated string', () => {
    expect(html`<p title="${hostile}">${hostile}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; co">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; co</p>',
    );
  });

  it('keeps fragments it built itself, and arrays of them, as markup', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for absent or false values, and numbers as text', () => {
    expect(html`[${undefined}${null}${false}${0}${3}]`.toString()).toBe('[03]');
  });

  it('treats a plain string that looks like markup as text', () => {
    expect(html`${'<b>bold</b>'}`.toString()).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('leaves emoji and Japanese untouched', () => {
    expect(escapeHtml('山田 花子 🎉')).toBe('山田 花子 🎉');
  });

  it('passes trusted markup through unchanged', () => {
    expect(html`<style>${trustedHtml('a > b { color: red; }')}</style>`.toString()).toBe(
      '<style>a > b { color: red; }</style>',
    );
  });
});

describe('withLineBreaks', () => {
  it('keeps the lines a person typed, whatever line endings the browser sent, and escapes each', () => {
    expect(withLineBreaks('one <i>\r\ntwo\rthree\nfour').toString()).toBe(
      'one &lt;i&gt;<br>\ntwo<br>\nthree<br>\nfour',
    );
  });
});
