import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '#infra/local/forward-request.ts';

/** A message SES accepted for addresses told to bounce: what SES would then publish about it. */
export interface BouncedMessage {
  messageId: string;
  source: string;
  destinations: string[];
  bounced: string[];
  /** The message tags it was sent with, the configuration set's own included, as SES reports them. */
  tags: Record<string, string[]>;
  at: number;
}

/** What SendRawEmail (SES's query protocol) was asked to do, from its form-encoded body. */
const sendRequestOf = (body: string) => {
  const params = new URLSearchParams(body);
  if (params.get('Action') !== 'SendRawEmail') return undefined;
  const members = (prefix: string) =>
    [...params.keys()].filter((key) => new RegExp(`^${prefix}\\.member\\.\\d+$`).test(key));
  const destinations = members('Destinations').map((key) => params.get(key) ?? '');
  const tags: Record<string, string[]> = {};
  for (const key of [...params.keys()].filter((name) => /^Tags\.member\.\d+\.Name$/.test(name))) {
    const name = params.get(key) ?? '';
    tags[name] = [params.get(key.replace(/Name$/, 'Value')) ?? ''];
  }
  const configurationSet = params.get('ConfigurationSetName');
  if (configurationSet) tags['ses:configuration-set'] = [configurationSet];
  return { source: params.get('Source') ?? '', destinations, tags };
};

/**
 * Sits in front of the local SES server and notes the virtual time each email was accepted at. The SES
 * stand-in stamps mail with the host's clock, which stands still in a test and runs a year behind in a demo;
 * people reading captured mail expect the time the system lived it. It also keeps each raw message exactly as
 * it was sent: the stand-in parses it and composes its own copy, so only this one shows what SES would relay.
 * And it plays the recipient's mail server for addresses told to bounce (`POST /local/bounces`): SES accepts
 * the message, and the bounce is reported.
 */
export class MailStamps {
  readonly #acceptedAt = new Map<string, number>();
  readonly #raw = new Map<string, Buffer>();
  readonly #bouncing = new Set<string>();
  readonly #server: Server;
  #onBounce: (message: BouncedMessage) => void = () => undefined;

  private constructor(target: URL, now: () => number) {
    this.#server = createServer((incoming, outgoing) => {
      const sent: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => sent.push(chunk));
      const upstream = forwardRequest(target, incoming, outgoing, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(body.toString('utf8'))?.[1];
          if (messageId) {
            this.#acceptedAt.set(messageId, now());
            const request = Buffer.concat(sent).toString('utf8');
            const raw = new URLSearchParams(request).get('RawMessage.Data');
            if (raw) this.#raw.set(messageId, Buffer.from(raw, 'base64'));
            this.#bounceIfTold(messageId, request, now());
          }
          outgoing.writeHead(response.statusCode ?? 502, response.headers).end(body);
        });
      });
      incoming.pipe(upstream);
    });
  }

  #bounceIfTold(messageId: string, requestBody: string, at: number): void {
    const request = sendRequestOf(requestBody);
    const bounced = request?.destinations.filter((address) => this.#bouncing.has(address.toLowerCase()));
    if (!request || !bounced?.length) return;
    this.#onBounce({ messageId, ...request, bounced, at });
  }

  /** From now on, mail to `address` bounces for good, as from a mailbox that does not exist. */
  bounce(address: string): void {
    this.#bouncing.add(address.toLowerCase());
  }

  /** Who hears of each bounce (the runtime, which delivers it as SES's event). */
  onBounce(listener: (message: BouncedMessage) => void): void {
    this.#onBounce = listener;
  }

  static async start(target: string, now: () => number): Promise<MailStamps> {
    const stamps = new MailStamps(new URL(target), now);
    await new Promise<void>((resolve) => stamps.#server.listen(0, '127.0.0.1', resolve));
    return stamps;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The virtual time SES accepted the email at (epoch ms), if it came through here. */
  acceptedAt(messageId: string): number | undefined {
    return this.#acceptedAt.get(messageId);
  }

  /** The message as SES took it (SendRawEmail's RawMessage), if it came through here. */
  rawMessage(messageId: string): Buffer | undefined {
    return this.#raw.get(messageId);
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
