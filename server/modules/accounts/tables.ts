import type { Generated } from 'kysely';

/**
 * The accounts module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */
export interface SmsCodeTable {
  id: Generated<number>;
  phone_hash: string;
  purpose: 'signup';
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    sms_codes: SmsCodeTable;
  }
}
