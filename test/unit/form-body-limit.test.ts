import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { formAnswerSchemas } from '#shared/domain/form-answers.ts';
import { FORM_BODY_MAX_BYTES, formKinds } from '#shared/domain/form-fields.ts';
import { MAX_JSON_BODY_BYTES, readBody } from '#shared/http/api-handler.ts';
import type { HttpError } from '#shared/http/http-error.ts';
import { renderFormPage } from '#shared/pages/form-page.ts';

/**
 * The fullest answer a browser can send for each form, from the page itself: every box filled to its
 * maxlength with a character that takes 9 bytes once percent-encoded, every choice (a radio group or a row of
 * buttons) set to its longest option.
 */
const fullestAnswer = (kind: (typeof formKinds)[number]): Record<string, string> => {
  const page = renderFormPage({
    form: kind,
    locale: 'ja',
    action: '/forms/x',
    context: { recipientName: '佐藤 綾', candidateName: '山田 花子', zone: 'Asia/Tokyo', round: 1 },
  });
  const values: Record<string, string> = {};
  for (const [, name, max] of page.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]* maxlength="(\d+)"/g)) {
    values[name ?? ''] = 'あ'.repeat(Number(max));
  }
  for (const [, name, value] of page.matchAll(
    /<(?:input type="radio"|button type="submit") name="([^"]+)" id="[^"]+" value="([^"]+)"/g,
  )) {
    const current = values[name ?? ''] ?? '';
    if ((value ?? '').length >= current.length) values[name ?? ''] = value ?? '';
  }
  return values;
};

const event = (body: string) => ({ body, isBase64Encoded: false }) as APIGatewayProxyEventV2;

describe('the form body limit', () => {
  it.each(formKinds)('takes the fullest %s answer a browser can send', (kind) => {
    const values = fullestAnswer(kind);
    // Every form has at least two boxes (the new hire's topics form has exactly two), except the summary
    // confirmation, answered by one of two buttons: the page was read.
    expect(Object.keys(values).length).toBeGreaterThanOrEqual(kind === 'summary-confirmation' ? 1 : 2);
    expect(formAnswerSchemas[kind].safeParse(values).success).toBe(true);
    const body = new URLSearchParams(values).toString();
    expect(readBody(event(body), FORM_BODY_MAX_BYTES)).toBe(body);
  });

  it('is needed: the fullest session outcome is larger than a JSON body may be', () => {
    const body = new URLSearchParams(fullestAnswer('session-outcome')).toString();
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_JSON_BODY_BYTES);
  });

  it('refuses a body over the limit with 413', () => {
    const body = `concerns=${'x'.repeat(FORM_BODY_MAX_BYTES)}`;
    expect(() => readBody(event(body), FORM_BODY_MAX_BYTES)).toThrow(
      expect.objectContaining({ statusCode: 413 }) as HttpError,
    );
  });
});
