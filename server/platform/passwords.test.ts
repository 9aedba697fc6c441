import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { checkPasswordPolicy, dummyVerify, hashPassword, verifyPassword } from './passwords.ts';

function refusal(password: string, username = 'zhang.san', field?: string): AppError | null {
  try {
    checkPasswordPolicy(password, username, field);
    return null;
  } catch (err) {
    return err as AppError;
  }
}

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(refusal('Jiashan-Union-2025!')).toBeNull();
  });

  it('refuses fewer than 8 characters with a field error on the named field', () => {
    const err = refusal('Ab1!xyz', 'zhang.san', 'newPassword');
    expect(err).toBeInstanceOf(AppError);
    expect(err!.status).toBe(422);
    expect(err!.fieldErrors).toEqual([{ field: 'newPassword', message: expect.objectContaining({ zh: expect.stringContaining('8') }) }]);
  });

  it('refuses more than 128 characters', () => {
    expect(refusal('a'.repeat(64) + 'B'.repeat(65))?.fieldErrors[0].field).toBe('password');
  });

  it.each(['12345678', 'password', 'PassWord123', 'woaini1314', 'admin123', '88888888', 'qwer1234'])('refuses the common password %s', (p) => {
    expect(refusal(p)?.code).toBe('validation_failed');
  });

  it('refuses one repeated character and the username itself, in any case', () => {
    expect(refusal('zzzzzzzzzz')).not.toBeNull();
    expect(refusal('Zhang.San.1', 'zhang.san.1')).not.toBeNull();
  });
});

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Jiashan-Union-2025!');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'Jiashan-Union-2025!')).toBe(true);
    expect(await verifyPassword(stored, 'jiashan-union-2025!')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password-twice')).not.toBe(await hashPassword('same-password-twice'));
  });

  it('answers false, not an error, for a damaged stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('never lets the dummy verification of an unknown user succeed', async () => {
    expect(await dummyVerify('gonghui-timing-equaliser')).toBe(false);
  });
});
