import { hash, verify } from '@node-rs/argon2';
import { fieldError } from './errors.ts';

/** The most common passwords (Chinese and global leaks); refused whatever their length. */
const COMMON = new Set(
  `12345678 123456789 1234567890 87654321 11111111 00000000 88888888 66666666 12341234 11223344
  password password1 password123 passw0rd qwertyui qwerty123 1qaz2wsx qazwsxedc 1q2w3e4r abc12345
  abcd1234 a1234567 aa123456 a12345678 123qweasd woaini1314 woaini520 5201314520 iloveyou
  admin123 admin888 administrator root1234 gonghui123 gonghui1 letmein1 welcome1 sunshine
  zxcvbnm1 asdfghjk asdf1234 zxcv1234 q1w2e3r4 112233445566 147258369 123123123 123321123
  999999999 12344321 1234qwer qwer1234 computer football baseball princess superman
  trustno1 starwars whatever dragon12 monkey12 master12 shadow12 michael1 jennifer
  11112222 13141314 52013140 7758521a 00001111 1314520520 aaaaaaaa abcdefgh changeme`
    .split(/\s+/)
    .filter(Boolean),
);

/** Minimum 8 characters, not a well-known password, not the username, not one repeated character. */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): void {
  if (password.length < 8) throw fieldError(field, 'password_too_short');
  if (password.length > 128) throw fieldError(field, 'password_too_long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || lower === username.toLowerCase()) {
    throw fieldError(field, 'password_common');
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hash('gonghui-timing-equaliser');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
