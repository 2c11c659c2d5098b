/**
 * The API's OpenAPI document, from the zod schemas the handlers validate with, written to docs/openapi.json by
 * `npm run openapi`: `GET /openapi.json` serves that file, so its function loads neither zod nor the schemas at a
 * cold start, and readers find the API described in the repository. A test keeps the file up to date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '#shared/http/openapi-document.ts';

export const OPENAPI_DOCUMENT_FILE = join(import.meta.dirname, '..', 'docs', 'openapi.json');

export const openApiDocumentText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_DOCUMENT_FILE, openApiDocumentText());
  console.log('wrote docs/openapi.json');
}
