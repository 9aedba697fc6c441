import { describe, expect, it } from 'vitest';
import { parseLsn, readsFromReplica } from './replica.ts';

describe('read routing rule', () => {
  it('reads WAL positions as PostgreSQL prints them, and nothing else', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of [undefined, null, '', '16', '16/', 'x/1', '1/2/3', '123456789/0', "0/0'; drop table users"]) expect(parseLsn(bad)).toBeNull();
  });

  it('reads from the replica when the caller wrote nothing we know of', () => {
    expect(readsFromReplica({ up: true, required: null, replayed: null })).toBe(true);
  });

  it('reads from the replica once it has replayed the caller’s last write, from the primary before', () => {
    const required = parseLsn('5/1000');
    expect(readsFromReplica({ up: true, required, replayed: parseLsn('5/0FFF') })).toBe(false);
    expect(readsFromReplica({ up: true, required, replayed: parseLsn('5/1000') })).toBe(true);
    expect(readsFromReplica({ up: true, required, replayed: parseLsn('6/0') })).toBe(true);
  });

  it('reads from the primary when the replica’s position is unknown or the replica is down', () => {
    expect(readsFromReplica({ up: true, required: parseLsn('0/1'), replayed: null })).toBe(false);
    expect(readsFromReplica({ up: false, required: null, replayed: parseLsn('9/0') })).toBe(false);
  });
});
