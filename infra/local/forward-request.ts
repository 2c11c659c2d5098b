import { type ClientRequest, type IncomingMessage, request, type ServerResponse } from 'node:http';

/**
 * Passes a request a local stand-in received on to the server behind it, unchanged. A broken upstream closes the
 * caller's connection, as a network fault would, so the SDK's own retries take over.
 */
export const forwardRequest = (
  target: URL,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  onResponse: (response: IncomingMessage) => void,
): ClientRequest => {
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    onResponse,
  );
  upstream.on('error', () => outgoing.destroy());
  return upstream;
};
