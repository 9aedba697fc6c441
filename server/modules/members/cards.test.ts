import { describe, expect, it } from 'vitest';
import { createPii } from '../../platform/pii.ts';
import { openCardToken, signCardToken } from './cards.ts';

const pii = createPii('0f'.repeat(32));

describe('card tokens', () => {
  it('open to what they were signed for, and are short enough for a small QR code', () => {
    const token = signCardToken(pii, 42, 1_796_454_933);
    expect(token).toMatch(/^GH1\.42\.1796454933\.[A-Za-z0-9_-]{22}$/);
    expect(openCardToken(pii, token)).toEqual({ memberId: 42, expiresAt: 1_796_454_933 });
    expect(token.length).toBeLessThan(48);
  });

  it('do not open when any part is changed, or under another deployment’s key', () => {
    const token = signCardToken(pii, 42, 1_796_454_933);
    const [v, id, exp, tag] = token.split('.');
    // Every other spelling of the last character (whose low bits base64url ignores) too.
    const tails = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].filter((c) => c !== tag.at(-1)).map((c) => [v, id, exp, tag.slice(0, -1) + c].join('.'));
    for (const changed of [[v, 43, exp, tag].join('.'), [v, id, Number(exp) + 1, tag].join('.'), ['GH2', id, exp, tag].join('.'), `${token} `, ...tails]) {
      expect(openCardToken(pii, changed), changed).toBeNull();
    }
    expect(openCardToken(createPii('1e'.repeat(32)), token)).toBeNull();
  });
});
