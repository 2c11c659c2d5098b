import { createHash, randomUUID } from 'node:crypto';
import { listenAwsJson, ServiceError } from '#infra/local/aws-json-service.ts';
import { PLACEHOLDER_ACCOUNT } from '#infra/synthesized-template.ts';

export interface QueuedMessage {
  queue: string;
  messageId: string;
  sentAt: string;
  body: unknown;
  attributes: Record<string, string>;
}

export interface QueueService {
  url: string;
  /** The URL of a queue, by the name it has locally (its logical id in the template). */
  queueUrl(name: string): string;
  /** Puts a message on a queue, as a service delivering to it would (a rule's dead-letter queue). */
  send(queue: string, body: string, attributes?: Record<string, string>): void;
  messages(): QueuedMessage[];
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * A local SQS speaking its AWS JSON protocol, for the dead-letter queues: `SendMessage` keeps the message and its
 * attributes, and what every queue holds can be listed (`GET /local/dead-letters`). Nobody reads these queues
 * but a person answering an alarm, so nothing receives or deletes.
 */
export const startQueueService = async (options: { now: () => number }): Promise<QueueService> => {
  const held: QueuedMessage[] = [];
  let url = '';
  const queueName = (queueUrl: unknown): string => {
    const name = typeof queueUrl === 'string' ? queueUrl.split('/').pop() : undefined;
    if (!name) throw new ServiceError('AWS.SimpleQueueService.NonExistentQueue', 'The queue does not exist');
    return name;
  };
  const send = (queue: string, body: string, attributes: Record<string, string> = {}) => {
    const messageId = randomUUID();
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {
      // A message body is any text; JSON is shown parsed only for the reader's convenience.
    }
    held.push({ queue, messageId, sentAt: new Date(options.now()).toISOString(), body: parsed, attributes });
    return messageId;
  };
  const server = await listenAwsJson({
    service: 'SQS',
    targetPrefix: 'AmazonSQS.',
    jsonVersion: '1.0',
    internalErrorType: 'InternalError',
    operations: new Map([
      [
        'SendMessage',
        (request) => {
          const body = request.MessageBody;
          if (typeof body !== 'string' || body.length === 0) {
            throw new ServiceError('InvalidParameterValue', 'MessageBody is required');
          }
          const attributes = Object.fromEntries(
            Object.entries((request.MessageAttributes ?? {}) as Record<string, { StringValue?: string }>).map(
              ([name, value]) => [name, String(value.StringValue ?? '')],
            ),
          );
          const messageId = send(queueName(request.QueueUrl), body, attributes);
          return { MessageId: messageId, MD5OfMessageBody: md5(body) };
        },
      ],
    ]),
  });
  url = server.url;
  return {
    url,
    queueUrl: (name) => `${url}/${PLACEHOLDER_ACCOUNT}/${name}`,
    send: (queue, body, attributes) => {
      send(queue, body, attributes);
    },
    messages: () => held.map((message) => structuredClone(message)),
    close: () => server.close(),
  };
};
