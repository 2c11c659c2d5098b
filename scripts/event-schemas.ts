/**
 * JSON Schemas of the events on the journeys bus, from the zod schemas the service checks them with, so the
 * published files always say what is enforced. `npm run events:schemas` writes them to docs/events (a test keeps
 * them up to date).
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import {
  employeeLeftSchema,
  hireCancelledSchema,
  type IncomingDetailType,
  offerWithdrawnSchema,
  startDateChangedSchema,
} from '#shared/domain/incoming-events.ts';
import { offerSchema } from '#shared/domain/offer.ts';
import { publishedEventSchema } from '#shared/domain/published-events.ts';

/** What each detail-type the bus takes is checked with: an offer as `POST /journeys` checks it. */
export const incomingEventSchemas = {
  OfferIssued: offerSchema,
  OfferWithdrawn: offerWithdrawnSchema,
  StartDateChanged: startDateChangedSchema,
  HireCancelled: hireCancelledSchema,
  EmployeeLeft: employeeLeftSchema,
} satisfies Record<IncomingDetailType, z.ZodType>;

export const EVENT_SCHEMA_DIRECTORY = join(import.meta.dirname, '..', 'docs', 'events');

/** Each schema file's name and its text: one per incoming detail-type, one for every published event. */
export const eventSchemaFiles = (): Record<string, string> => {
  const files: Record<string, string> = {};
  const write = (name: string, title: string, schema: z.ZodType) => {
    // What a sender may leave out (defaults) is optional: the schema describes the event as it is sent.
    const document = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
    files[`${name}.schema.json`] = `${JSON.stringify(document, null, 2)}\n`;
  };
  for (const [detailType, schema] of Object.entries(incomingEventSchemas)) {
    write(detailType, `${detailType} (detail)`, schema);
  }
  write('journey-event', 'Published journey event (detail)', publishedEventSchema);
  return files;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(EVENT_SCHEMA_DIRECTORY, { recursive: true });
  for (const [name, text] of Object.entries(eventSchemaFiles())) {
    writeFileSync(join(EVENT_SCHEMA_DIRECTORY, name), text);
    console.log(`wrote docs/events/${name}`);
  }
}
