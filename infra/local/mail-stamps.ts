import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '#infra/local/forward-request.ts';

/**
 * Sits in front of the local SES server and notes the virtual time each email was accepted at. The SES
 * stand-in stamps mail with the host's clock, which stands still in a test and runs a year behind in a demo;
 * people reading captured mail expect the time the system lived it. It also keeps each raw message exactly as
 * it was sent: the stand-in parses it and composes its own copy, so only this one shows what SES would relay.
 */
export class MailStamps {
  readonly #acceptedAt = new Map<string, number>();
  readonly #raw = new Map<string, Buffer>();
  readonly #server: Server;

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
            const raw = new URLSearchParams(Buffer.concat(sent).toString('utf8')).get('RawMessage.Data');
            if (raw) this.#raw.set(messageId, Buffer.from(raw, 'base64'));
          }
          outgoing.writeHead(response.statusCode ?? 502, response.headers).end(body);
        });
      });
      incoming.pipe(upstream);
    });
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
