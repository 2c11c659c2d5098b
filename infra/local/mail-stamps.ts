import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '#infra/local/forward-request.ts';

/**
 * Sits in front of the local SES server and notes the virtual time each email was accepted at. The SES
 * stand-in stamps mail with the host's clock, which stands still in a test and runs a year behind in a demo;
 * people reading captured mail expect the time the system lived it.
 */
export class MailStamps {
  readonly #acceptedAt = new Map<string, number>();
  readonly #server: Server;

  private constructor(target: URL, now: () => number) {
    this.#server = createServer((incoming, outgoing) => {
      const upstream = forwardRequest(target, incoming, outgoing, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(body.toString('utf8'))?.[1];
          if (messageId) this.#acceptedAt.set(messageId, now());
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

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
