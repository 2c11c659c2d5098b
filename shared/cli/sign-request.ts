import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from './http-request.ts';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Signs for API Gateway's IAM authorization (`execute-api:Invoke`); returns the headers to send. */
export const signRequest = async (
  request: HttpRequest,
  credentials: Credentials,
  region: string,
  signingDate?: Date,
): Promise<Record<string, string>> => {
  const signer = new SignatureV4({
    credentials,
    region,
    service: 'execute-api',
    sha256: Hash.bind(null, 'sha256'),
  });
  const { url } = request;
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
      body: request.body,
    },
    { signingDate },
  );
  return signed.headers;
};
