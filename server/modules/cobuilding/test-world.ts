import type { FastifyInstance } from 'fastify';
import { PASSWORD, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
/** A valid credit code (check character verified). */
export const USCC = '91350100M000100Y43';

let seq = 0;

/** A partner of `orgId` with a logged-in contact account. */
export async function partnerWithContact(app: FastifyInstance, cadre: Client, orgId: number, name = '工商银行武林支行'): Promise<{ partnerId: number; contact: Client; contactUserId: number }> {
  const n = ++seq;
  const partnerId = expectStatus<{ id: number }>(await cadre.post('/api/partners', { orgId, name: `${name}${n}`, kind: 'bank' }), 201).id;
  const username = `partner.c${n}.${process.pid}`;
  const contactUserId = expectStatus<{ id: number }>(await cadre.post(`/api/partners/${partnerId}/contacts`, { username, displayName: `联系人${n}`, password: PASSWORD }), 201).id;
  return { partnerId, contact: await login(app, username, PASSWORD), contactUserId };
}

/** A multipart body of a note and a PNG photo, as the finish and fulfilment routes take it. */
export function photoForm(note: string): { payload: Buffer; headers: Record<string, string> } {
  const b = 'gonghui-photo';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${note}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="done.png"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** The claimer finishes an item with a photo and a note. */
export function finish(app: FastifyInstance, as: Client, itemId: number, note = '已完成') {
  const form = photoForm(note);
  const headers: Record<string, string> = { ...form.headers, cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken ?? '' };
  return app.inject({ method: 'POST', url: `/api/list-items/${itemId}/finish`, headers, payload: form.payload });
}

/** Co-building records in street A for tests that need ids: a partner with its contact, a union item open, a partner item claimed by the union, one done (ready to rate). */
export async function buildCobuildingWorld(app: FastifyInstance, f: Fixture) {
  const cadre = f.clients.cadreA;
  const { partnerId, contact, contactUserId } = await partnerWithContact(app, cadre, f.orgs.streetA);
  const openItemId = expectStatus<{ id: number }>(await cadre.post('/api/list-items', { orgId: f.orgs.streetA, list: 'need', title: '职工子女暑托班场地', description: '需要一间教室' }), 201).id;
  const partnerItemId = expectStatus<{ id: number }>(await contact.post('/api/list-items', { orgId: f.orgs.streetA, list: 'resource', title: '金融知识讲座', description: '每月一次' }), 201).id;
  expectStatus(await cadre.post(`/api/list-items/${partnerItemId}/claims`), 201);
  const doneItemId = expectStatus<{ id: number }>(await cadre.post('/api/list-items', { orgId: f.orgs.streetA, list: 'service', title: '义诊', description: '职工义诊' }), 201).id;
  expectStatus(await contact.post(`/api/list-items/${doneItemId}/claims`), 201);
  expectStatus(await contact.post(`/api/list-items/${doneItemId}/start`), 200);
  expectStatus(await finish(app, contact, doneItemId), 200);
  return { partnerId, contact, contactUserId, openItemId, partnerItemId, doneItemId };
}
export type CobuildingWorld = Awaited<ReturnType<typeof buildCobuildingWorld>>;
