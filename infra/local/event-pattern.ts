/**
 * Whether an event matches an EventBridge event pattern, as EventBridge and Lambda's event filtering read one:
 * every field the pattern names must match; a list of values matches when any of them does (an array in the
 * event when any of its elements does); besides exact values, `prefix`, `anything-but`, `exists` and `numeric`
 * (`=`, `<`, `<=`, `>`, `>=`) are understood. A pattern this does not understand matches nothing, so a rule can
 * never fire locally where it would not on AWS.
 */
export const matchesPattern = (pattern: unknown, event: unknown): boolean => {
  if (!isObject(pattern)) return false;
  return Object.entries(pattern).every(([field, expected]) => {
    const value = isObject(event) ? event[field] : undefined;
    if (Array.isArray(expected)) return expected.some((matcher) => matchesValue(matcher, value));
    if (isObject(expected)) return matchesPattern(expected, value);
    return false;
  });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const matchesValue = (matcher: unknown, value: unknown): boolean => {
  if (Array.isArray(value)) return value.some((element) => matchesValue(matcher, element));
  if (!isObject(matcher)) return value !== undefined && matcher === value;
  if ('exists' in matcher) return (value !== undefined) === matcher.exists;
  if (value === undefined) return false;
  if ('prefix' in matcher) return typeof value === 'string' && value.startsWith(String(matcher.prefix));
  if ('anything-but' in matcher) {
    const excluded = matcher['anything-but'];
    if (isObject(excluded)) return !matchesValue(excluded, value);
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value);
  }
  if ('numeric' in matcher && Array.isArray(matcher.numeric)) return matchesNumeric(matcher.numeric, value);
  return false;
};

const comparisons: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const matchesNumeric = (conditions: unknown[], value: unknown): boolean => {
  if (typeof value !== 'number') return false;
  for (let index = 0; index < conditions.length; index += 2) {
    const compare = comparisons[String(conditions[index])];
    const bound = conditions[index + 1];
    if (!compare || typeof bound !== 'number' || !compare(value, bound)) return false;
  }
  return true;
};
