import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../platform/identity.ts';
import { anonymous, expectStatus, login, sentSms, type Client } from './harness.ts';

/** Workers and members made the way real ones are: SMS sign-up, online application, approval. */
let phoneSeq = 0;
let idSeq = 0;

export const WORKER_PASSWORD = 'Worker-Pass-2025';
export const newPhone = () => `139${String(10_000_000 + process.pid * 1000 + ++phoneSeq).slice(-8)}`;
export const newIdNumber = (birth = '1990-03-07') => makeIdNumber('330421', birth, ++idSeq);

/** A worker signs up with an SMS code (its job run, the code read from the test app's outbox) and is logged in. */
export async function signUpWorker(app: FastifyInstance, phone = newPhone()): Promise<{ client: Client; phone: string }> {
  const anon = anonymous(app);
  expectStatus(await anon.post('/api/auth/sms-codes', { phone }), 204);
  await app.deps.jobs.drain();
  const code = sentSms(app).filter((m) => m.phone === phone).at(-1)!.text.match(/\d{6}/)![0];
  expectStatus(await anon.post('/api/auth/signup', { phone, code, password: WORKER_PASSWORD }), 201);
  return { client: await login(app, phone, WORKER_PASSWORD), phone };
}

/** A signed-up worker who applied to `orgId` and was approved by `cadre`: a member with an account. */
export async function signUpMember(app: FastifyInstance, cadre: Client, orgId: number, name = '王会员'): Promise<{ client: Client; memberId: number; phone: string; idNumber: string }> {
  const { client, phone } = await signUpWorker(app);
  const idNumber = newIdNumber();
  const { id } = expectStatus(await client.post('/api/join-applications', { name, idNumber, phone, orgId, employerName: '测试单位', consent: true }), 201);
  const { memberId } = expectStatus(await cadre.post(`/api/join-applications/${id}/approve`), 200);
  return { client, memberId, phone, idNumber };
}
