/** Why an event was refused, as the API would have answered it: a status, a message and a message per field. */
export interface Refusal {
  status: number;
  message: string;
  errors?: Record<string, string>;
}

/**
 * Puts an event its use case refused in the dead-letter queue at once (retrying cannot help), unchanged, so it
 * can be sent again once fixed. Why it was refused travels beside it, as message attributes: field names and
 * fixed messages, never the values.
 */
export const deadLetter = async (event: { id?: unknown; 'detail-type'?: unknown }, refusal: Refusal) => {
  const queueUrl = process.env.EVENT_DEAD_LETTERS_URL;
  if (!queueUrl) throw new Error('EVENT_DEAD_LETTERS_URL is not set');
  const { sqs, SendMessageCommand } = await import('#shared/queues/sqs-client.ts');
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify(event),
      MessageAttributes: {
        status: { DataType: 'Number', StringValue: String(refusal.status) },
        message: { DataType: 'String', StringValue: refusal.message },
        ...(refusal.errors
          ? { errors: { DataType: 'String', StringValue: JSON.stringify(refusal.errors) } }
          : {}),
        ...(typeof event['detail-type'] === 'string'
          ? { detailType: { DataType: 'String', StringValue: event['detail-type'] } }
          : {}),
        ...(typeof event.id === 'string' ? { eventId: { DataType: 'String', StringValue: event.id } } : {}),
      },
    }),
  );
};
