import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPii, maskIdNumber, maskName, maskPhone, redact, resolveMasterKey } from './pii.ts';

const KEY = '0f'.repeat(32);
const pii = createPii(KEY);

describe('encryption of personal data', () => {
  it('reads back what it wrote, Chinese included', () => {
    for (const plain of ['33010419900101123X', '13812341234', '浙江省嘉兴市嘉善县']) expect(pii.decrypt(pii.encrypt(plain))).toBe(plain);
  });

  it('never stores the plain value and never writes the same ciphertext twice', () => {
    const a = pii.encrypt('13812341234');
    const b = pii.encrypt('13812341234');
    expect(a).not.toContain('13812341234');
    expect(a).not.toBe(b);
  });

  it('detects a changed ciphertext, a changed tag and the wrong key', () => {
    const stored = pii.encrypt('33010419900101123X');
    const [v, iv, body, tag] = stored.split(':');
    const flip = (s: string) => Buffer.from(Buffer.from(s, 'base64').map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString('base64');
    expect(() => pii.decrypt([v, iv, flip(body), tag].join(':'))).toThrow();
    expect(() => pii.decrypt([v, iv, body, flip(tag)].join(':'))).toThrow();
    expect(() => pii.decrypt([v, flip(iv), body, tag].join(':'))).toThrow();
    expect(() => createPii('1e'.repeat(32)).decrypt(stored)).toThrow();
  });

  it('refuses an unknown format', () => {
    expect(() => pii.decrypt('plain text')).toThrow(/format/);
    expect(() => pii.decrypt('v0:a:b:c')).toThrow(/format/);
  });

  it('hashes the normalised value for lookups, keyed so another key gives another hash', () => {
    expect(pii.hash(' 33010419900101123x ')).toBe(pii.hash('33010419900101123X'));
    expect(pii.hash('13812341234')).not.toBe(pii.hash('13812341235'));
    expect(createPii('1e'.repeat(32)).hash('13812341234')).not.toBe(pii.hash('13812341234'));
  });

  it('derives a stable key per purpose, different per purpose and per master key, and never the personal-data keys', () => {
    const card = pii.subkey('gonghui member card v1');
    expect(card).toHaveLength(32);
    expect(pii.subkey('gonghui member card v1').equals(card)).toBe(true);
    expect(pii.subkey('gonghui member card v2').equals(card)).toBe(false);
    expect(createPii('1e'.repeat(32)).subkey('gonghui member card v1').equals(card)).toBe(false);
    expect(card.toString('hex')).not.toBe(KEY);
    expect(() => pii.subkey('gonghui:pii:mac')).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createPii('abcd')).toThrow(/32 bytes/);
  });
});

describe('masking names', () => {
  it.each([
    ['王小明', '王*明'],
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['买买提·艾力', '买****力'],
    ['李', '李'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('the master key in embedded mode', () => {
  it('uses the configured key, else generates one owner-only file and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-pii-'));
    try {
      expect(resolveMasterKey(KEY, dir)).toBe(KEY);
      expect(fs.existsSync(path.join(dir, 'encryption.key'))).toBe(false);
      const generated = resolveMasterKey(undefined, dir);
      expect(generated).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.statSync(path.join(dir, 'encryption.key')).mode & 0o777).toBe(0o600);
      expect(resolveMasterKey(undefined, dir)).toBe(generated);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masking', () => {
  it('shows the first four and last four characters of a resident ID number', () => {
    expect(maskIdNumber('33010419900101123X')).toBe('3301**********123X');
    expect(maskIdNumber('330104199001011234')).toBe('3301**********1234');
  });

  it('shows the first three and last four digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('hides short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('redact', () => {
  it('masks phones and ID numbers at any depth and drops secrets', () => {
    const out = redact({
      username: 'zhang',
      phone: '13812341234',
      password: 'secret-1',
      newPassword: 'secret-2',
      csrfToken: 't',
      password_hash: 'h',
      phone_enc: 'e',
      members: [{ idNumber: '33010419900101123X', phone: '13900001111' }],
      nested: { currentPassword: 'x', phone: null },
    });
    expect(out).toEqual({
      username: 'zhang',
      phone: '138****1234',
      members: [{ idNumber: '3301**********123X', phone: '139****1111' }],
      nested: { phone: null },
    });
    expect(JSON.stringify(out)).not.toMatch(/secret|13812341234/);
  });

  it('leaves plain values alone', () => {
    expect(redact('13812341234')).toBe('13812341234');
    expect(redact(null)).toBeNull();
    expect(redact([1, 'a'])).toEqual([1, 'a']);
  });
});
