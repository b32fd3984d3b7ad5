/**
 * Join codes and secrets. Codes: 8 symbols from a 28-symbol alphabet without look-alikes
 * (28⁸ ≈ 3.8·10¹¹, 38 bits: at the default join limit of 1 failure per 2 s per address, hitting
 * any one of 50 open rooms takes about 480 years on average from one address, and rooms expire
 * after hours). Keys and seat tokens: 32 random bytes,
 * base64url (a room's projector key is derived from its teacher key). Only SHA-256 hashes of keys and tokens are stored; they are compared in constant time.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './protocol';

export function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Short, unguessable enough to name a device in a room (it is not a credential). */
export function newDeviceId(): string {
  return `d${randomBytes(6).toString('base64url')}`;
}

/**
 * The projector key of a room, derived one way from its teacher key: whoever holds the teacher
 * key (the console on another device) can show the projector's link again, while the projector
 * key reveals nothing of the teacher key. Neither is stored.
 */
export function projectorKeyOf(teacherKey: string): string {
  return createHmac('sha256', teacherKey).update('coreplay projector key', 'utf8').digest('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
