import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type ApiRouteHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ApiRoute {
  method: string;
  /** API Gateway route path, e.g. `/journeys/{id}`. */
  path: string;
  handler: ApiRouteHandler;
}

/** Requests larger than API Gateway's payload limit are refused before any handler sees them. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** A malformed escape (`%zz`) matches no route, as API Gateway answers such a path with an error of its own. */
const decodePathSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The route a request takes: as API Gateway chooses, the most specific one, so `/console/journeys/new` wins
 * over `/console/journeys/{id}` whatever order the routes were added in.
 */
const matchRoute = (routes: ApiRoute[], method: string, path: string) => {
  const segments = path.split('/').filter(Boolean);
  let best: { route: ApiRoute; params: Record<string, string>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) {
        const decoded = decodePathSegment(segment);
        if (decoded === undefined) return false;
        params[part.slice(1, -1)] = decoded;
        return true;
      }
      return part === segment;
    });
    const literals = pattern.filter((part) => !part.startsWith('{')).length;
    if (matches && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
};

const readRequest = (request: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        // Stop reading but keep the socket, so the client gets the 413 instead of a reset connection.
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Builds the HTTP API's payload format 2.0 event, as API Gateway hands it to a Lambda integration. */
const toEvent = (
  request: IncomingMessage,
  url: URL,
  route: ApiRoute,
  params: Record<string, string>,
  body: Buffer,
  receivedAt: number,
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // As API Gateway does: the Cookie header arrives split into `cookies`.
  const cookies = headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  delete headers.cookie;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const textual = body.length === 0 || /json|text|x-www-form-urlencoded/.test(contentType);
  const routeKey = `${route.method} ${route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(params).length > 0 ? params : undefined,
    body: body.length > 0 ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: !textual,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: crypto.randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(receivedAt).toUTCString(),
      timeEpoch: receivedAt,
    },
  };
};

const send = (response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  // Payload 2.0 returns cookies apart from the headers, one Set-Cookie each.
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body = result.body
    ? result.isBase64Encoded
      ? Buffer.from(result.body, 'base64')
      : Buffer.from(result.body, 'utf8')
    : Buffer.alloc(0);
  response.writeHead(result.statusCode ?? 200, { ...headers, 'content-length': String(body.length) });
  response.end(body);
};

const sendJson = (response: ServerResponse, statusCode: number, body: unknown): void =>
  send(response, {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });

/**
 * The local stand-in for API Gateway: the same routes, handlers and event shape as the HTTP API on AWS.
 * HR routes need no credentials here because it listens on 127.0.0.1 only.
 */
export const startHttpApi = async (options: {
  routes: ApiRoute[];
  port: number;
  onError: (error: unknown) => void;
  /** The clock request times are stamped with: the runtime's virtual one. */
  now: () => number;
}): Promise<{ server: Server; url: string }> => {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = request.method ?? 'GET';
      const matched = matchRoute(options.routes, method, url.pathname);
      if (!matched) {
        const pathKnown = options.routes.some((route) => matchRoute([route], route.method, url.pathname));
        sendJson(response, pathKnown ? 405 : 404, {
          message: pathKnown ? 'Method not allowed.' : 'Not found.',
        });
        return;
      }
      const body = await readRequest(request);
      if (!body) {
        sendJson(response, 413, { message: 'Request too large.' });
        return;
      }
      const event = toEvent(request, url, matched.route, matched.params, body, options.now());
      send(response, await matched.route.handler(event));
    } catch (error) {
      options.onError(error);
      if (!response.headersSent) sendJson(response, 500, { message: 'Internal error.' });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}` };
};
