import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * A stream record's image as plain values, for the attribute types the table's items use (strings, numbers,
 * booleans, null, lists and maps); sets and binary, which no item holds, come back as they are.
 */
export const fromImage = (image: Record<string, AttributeValue>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, plain(value)]));

const plain = (value: AttributeValue): unknown => {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(plain);
  if (value.M !== undefined) return fromImage(value.M);
  return value;
};
