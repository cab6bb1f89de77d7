// Passwords, hashed with scrypt (memory-hard); the salt and parameters are stored with the hash so
// that stronger parameters later still verify old hashes. Session tokens are random and stored as
// their SHA-256 only.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

export const DEFAULT_PARAMS: PasswordParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, params: PasswordParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, params: PasswordParams = DEFAULT_PARAMS): Promise<{ hash: string; salt: string; params: PasswordParams }> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params };
}

export async function verifyPassword(password: string, stored: { hash: string; salt: string; params: PasswordParams }): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored.params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
