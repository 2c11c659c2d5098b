import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '#infra/local/forward-request.ts';
import { closeServer, serveLocally } from '#infra/local/local-server.ts';

export interface LazyServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens at once on a free port of 127.0.0.1 and starts the server it stands for on the first request, then
 * passes every request on to it: the URL is known at startup, and loading what serves it waits until something
 * calls it.
 */
export const startLazyServer = async (start: () => Promise<Server>): Promise<LazyServer> => {
  let started: Promise<Server> | undefined;
  const front = createServer((incoming, outgoing) => {
    started ??= start();
    started.then(
      (server) => {
        const target = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        incoming.pipe(
          forwardRequest(target, incoming, outgoing, (response) => {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(outgoing);
          }),
        );
      },
      () => outgoing.writeHead(502).end(),
    );
  });
  const { url, close } = await serveLocally(front);
  return {
    url,
    close: async () => {
      await Promise.all([close(), started?.then(closeServer, () => undefined)]);
    },
  };
};
