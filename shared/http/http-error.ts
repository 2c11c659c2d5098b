/** An error whose status and body are fit to show the caller, raised by handlers and mapped by middleware. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? statusCode));
  }
}

export const badRequest = (errors: Record<string, string>): HttpError =>
  new HttpError(400, { message: 'The request has invalid fields.', errors });
