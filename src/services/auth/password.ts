import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt, a memory-hard KDF built into Node (docs/decisions/0004).
 * The parameters are stored with each hash, so they can be raised later without breaking logins.
 * Format: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 64 MiB of memory per hash: OWASP's scrypt guidance (N ≥ 2^16 with r = 8, p = 1). */
export const PRODUCTION_PARAMS: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };
/** Cheap parameters for the test suite only (set by VSOKO_FAST_PASSWORD_HASH=1). */
export const TEST_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;

export const defaultParams = (): ScryptParams =>
  process.env.VSOKO_FAST_PASSWORD_HASH === '1' ? TEST_PARAMS : PRODUCTION_PARAMS;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = defaultParams(),
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, used to spend equal time when the login does not exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}
