/** What the CLI prints for an API answer: the JSON itself on success, a readable refusal otherwise. */
export const formatSuccess = (body: unknown, compact: boolean): string =>
  `${compact ? JSON.stringify(body) : JSON.stringify(body, null, 2)}\n`;

export const formatRefusal = (status: number, body: unknown): string => {
  const { message, errors } = (typeof body === 'object' && body !== null ? body : {}) as {
    message?: unknown;
    errors?: unknown;
  };
  const lines = [`${status}${typeof message === 'string' ? ` ${message}` : ''}`];
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, text] of Object.entries(errors)) lines.push(`  ${field}: ${String(text)}`);
  }
  if (typeof message !== 'string' && typeof body === 'string' && body) lines.push(body);
  else if (typeof message !== 'string' && typeof body === 'object' && body !== null && !errors) {
    lines.push(JSON.stringify(body));
  }
  return `${lines.join('\n')}\n`;
};
