/** The groups of the user pool (and the local provider) that may use the console. */
export const consoleGroups = ['hr', 'hr-lead'] as const;
export type ConsoleGroup = (typeof consoleGroups)[number];

export interface ConsoleUser {
  sub: string;
  email: string;
  name: string;
  groups: ConsoleGroup[];
}

/** A working day at most, however long the provider's token would last: a forgotten browser signs out by itself. */
export const MAX_SESSION_SECONDS = 8 * 60 * 60;

export const isHrLead = (user: ConsoleUser): boolean => user.groups.includes('hr-lead');

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;

/**
 * The person as a verified ID token names them, with only the console's groups (Cognito's `cognito:groups`).
 * Undefined when they are in neither group: signed in, but not someone the console serves.
 */
export const consoleUserOf = (claims: Record<string, unknown>): ConsoleUser | undefined => {
  const sub = text(claims.sub);
  const email = text(claims.email);
  const listed = claims['cognito:groups'];
  const groups = consoleGroups.filter((group) => Array.isArray(listed) && listed.includes(group));
  if (!sub || !email || groups.length === 0) return undefined;
  return { sub, email, name: text(claims.name) ?? email, groups };
};

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * HR's private notes are read by the journey's HR contact, who wrote them, and by HR leads; other HR people see
 * that there are notes, never what they say.
 */
export const mayReadPrivateNotes = (user: ConsoleUser, hr: { email: string }): boolean =>
  isHrLead(user) || sameAddress(user.email, hr.email);
