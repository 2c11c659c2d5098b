import { EncryptJWT, type JWTPayload, jwtDecrypt } from 'jose';
import { type ConsoleKeyPurpose, consoleKeys } from '#shared/console/console-keys.ts';

/**
 * A cookie value only this service can read or make: a JWT encrypted and authenticated (A256GCM) with the
 * purpose's derived key. Encrypted, not just signed, because it carries a person's name and address.
 * Expiry is checked in real time, as the browser and the identity provider keep it, not the journeys' clock.
 */
export const seal = async (
  purpose: ConsoleKeyPurpose,
  claims: JWTPayload,
  expiresAt: Date,
): Promise<string> => {
  const [current] = await consoleKeys(purpose);
  if (!current) throw new Error('no console key');
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: current.kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .encrypt(current.key);
};

/** The claims of a value `seal` made for the same purpose and not expired; anything else is undefined. */
export const unseal = async (
  purpose: ConsoleKeyPurpose,
  value: string | undefined,
): Promise<JWTPayload | undefined> => {
  if (!value || value.length > 8192) return undefined;
  const keys = await consoleKeys(purpose);
  try {
    const { payload } = await jwtDecrypt(
      value,
      async (header) => keys.find((key) => key.kid === header.kid)?.key ?? new Uint8Array(32),
      { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'], requiredClaims: ['exp'] },
    );
    return payload;
  } catch {
    return undefined;
  }
};
