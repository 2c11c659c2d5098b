import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON; omitted when undefined. */
  body?: unknown;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** Far above what either AWS API accepts (256 KB payloads), low enough that a runaway client cannot hurt. */
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

const readBody = async (request: IncomingMessage): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * An HTTP server for an AWS API stand-in, on 127.0.0.1 only and a port the OS picks, so parallel test files
 * never collide and nothing is reachable from the network.
 */
export const listenLocally = async (
  handle: (request: {
    method: string;
    url: URL;
    headers: IncomingMessage['headers'];
    body: string;
  }) => Promise<LocalResponse>,
  onUnexpectedError: (error: unknown) => LocalResponse,
): Promise<LocalServer> => {
  const server = createServer(async (request, response) => {
    let result: LocalResponse;
    try {
      const body = await readBody(request);
      result =
        body === undefined
          ? { status: 413, body: { message: 'Request too large.' } }
          : await handle({
              method: request.method ?? 'GET',
              url: new URL(request.url ?? '/', 'http://127.0.0.1'),
              headers: request.headers,
              body,
            });
    } catch (error) {
      result = onUnexpectedError(error);
    }
    const payload = result.body === undefined ? '' : JSON.stringify(result.body);
    response.writeHead(result.status, {
      'content-length': String(Buffer.byteLength(payload)),
      'x-amzn-requestid': crypto.randomUUID(),
      ...result.headers,
    });
    response.end(payload);
  });
  return serveLocally(server);
};

// Keep-alive connections from the SDK clients would hold close() open until they time out on their own.
export const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/**
 * Serves a stand-in (or a proxy in front of one) on 127.0.0.1 only and a port the OS picks, so parallel test
 * files never collide and nothing is reachable from the network.
 */
export const serveLocally = async (server: Server): Promise<LocalServer> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
};
