import { sesMailEventSchema } from '#shared/domain/ses-mail-event.ts';
import { undeliverableMailOf } from '#shared/domain/undeliverable-mail.ts';
import { recordUndeliverable } from '#shared/journeys/record-undeliverable.ts';
import { taskHandler } from '#shared/journeys/task-handler.ts';

/** SES bounce and complaint events, through the default event bus (the configuration set's destination). */
export const handler = taskHandler(sesMailEventSchema, async (event) => {
  const mail = undeliverableMailOf(event);
  if (mail) await recordUndeliverable(mail);
});
