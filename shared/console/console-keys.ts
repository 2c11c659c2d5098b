import { hkdfSync } from 'node:crypto';
import { signingKeys } from '#shared/links/signing-keys.ts';

/** What a derived key is for: each purpose gets its own key, so one can never stand in for another. */
export type ConsoleKeyPurpose = 'console-session' | 'console-sign-in' | 'console-csrf';

export interface ConsoleKey {
  kid: string;
  key: Uint8Array;
}

/**
 * The console's keys, derived (HKDF-SHA256) from the link signing secret the functions already load, one per
 * purpose: no new secret to create, rotate or grant. The first key seals; after a rotation the previous one
 * still opens what it sealed, as with links.
 */
export const consoleKeys = async (purpose: ConsoleKeyPurpose): Promise<ConsoleKey[]> =>
  (await signingKeys()).map(({ kid, secret }) => ({
    kid,
    key: new Uint8Array(hkdfSync('sha256', secret, 'follow-up-journeys', purpose, 32)),
  }));
