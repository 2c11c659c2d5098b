import { type LocalServer, listenLocally } from '#infra/local/local-server.ts';

/** An error answered to the caller in the AWS JSON protocol, which the SDK raises as `name`. */
export class ServiceError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export type AwsJsonOperation = (request: Record<string, unknown>) => unknown;

export interface AwsJsonServiceOptions {
  /** As error messages name it: `Step Functions`. */
  service: string;
  /** What `X-Amz-Target` starts with before the operation's name: `AWSStepFunctions.`. */
  targetPrefix: string;
  /** The protocol's version, as its content type says it. */
  jsonVersion: '1.0' | '1.1';
  operations: ReadonlyMap<string, AwsJsonOperation>;
  /** The `__type` of an unexpected failure, as the real service names it. */
  internalErrorType: string;
  /** Runs before every operation (a stand-in catching up with virtual time). */
  beforeEach?: () => void;
}

/**
 * A local stand-in's server for an AWS JSON protocol service: the operation named by `X-Amz-Target`, a JSON
 * object for a request, and `ServiceError`s answered as the SDK expects them.
 */
export const listenAwsJson = (options: AwsJsonServiceOptions): Promise<LocalServer> => {
  const { service, targetPrefix, operations } = options;
  const json = (status: number, body: unknown) => ({
    status,
    headers: { 'content-type': `application/x-amz-json-${options.jsonVersion}` },
    body,
  });
  const refuse = (type: string, message: string) => json(400, { __type: type, message });
  return listenLocally(
    async ({ method, headers, body }) => {
      const target = headers['x-amz-target'];
      const name =
        typeof target !== 'string'
          ? ''
          : target.startsWith(targetPrefix)
            ? target.slice(targetPrefix.length)
            : target;
      const operation = operations.get(name);
      if (method !== 'POST' || !operation) {
        return refuse('UnknownOperationException', `The local ${service} does not support ${name}`);
      }
      let request: unknown;
      try {
        request = body ? JSON.parse(body) : {};
      } catch {
        return refuse('SerializationException', 'The request body is not JSON');
      }
      if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        return refuse('SerializationException', 'The request body is not a JSON object');
      }
      try {
        options.beforeEach?.();
        return json(200, await operation(request as Record<string, unknown>));
      } catch (error) {
        if (error instanceof ServiceError) return refuse(error.name, error.message);
        throw error;
      }
    },
    (error) => {
      console.error(`local ${service}: internal error:`, (error as Error).name);
      return json(500, {
        __type: options.internalErrorType,
        message: 'Internal error in the local stand-in',
      });
    },
  );
};
