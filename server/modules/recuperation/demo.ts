import type { Caller, Deps } from '../../platform/context.ts';
import { today } from '../../platform/dates.ts';
import { createAgreement, createBatch, createProduct, createQuota } from './catalogue.ts';

const orgId = async (deps: Deps, name: string) => (await deps.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

/** A Monday at least `days` after `from` (YYYY-MM-DD), and the day `length - 1` after it. */
function trip(from: string, days: number, length: number): { startsOn: string; endsOn: string } {
  const t = new Date(`${from}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  while (t.getUTCDay() !== 1) t.setUTCDate(t.getUTCDate() + 1);
  const startsOn = t.toISOString().slice(0, 10);
  t.setUTCDate(t.getUTCDate() + length - 1);
  return { startsOn, endsOn: t.toISOString().slice(0, 10) };
}

/**
 * 开化's recuperation, from the seed (开化疗休养融入长三角): 开化县总工会 runs the county's
 * recuperation service centre (县职工疗休养服务中心) with products for its own workers and for the
 * 长三角 partners, and since June 2019 has cooperation agreements with 上海徐汇区总工会, 杭州上城区总工会,
 * 临安区总工会, 建德市总工会 and 桐乡市总工会. The products' routes and prices are the demo's own
 * (the seed names none). The batches' quotas flow down 开化's tree and out to two partners.
 */
export async function seedRecuperationDemo(deps: Deps, caller: Caller): Promise<void> {
  const kaihua = await orgId(deps, '开化县总工会');
  const huabu = await orgId(deps, '华埠镇总工会');
  const chihuai = await orgId(deps, '池淮镇总工会');
  const huabuUnion = await orgId(deps, '开化县华埠电子有限公司工会');
  const partners = ['上海市徐汇区总工会', '杭州市上城区总工会', '杭州市临安区总工会', '建德市总工会', '桐乡市总工会'];
  const signed = ['2019-06-18', '2019-06-26', '2019-07-09', '2019-07-23', '2019-08-06'];
  for (const [i, name] of partners.entries()) {
    await createAgreement(deps, caller, { orgId: kaihua, partnerOrgId: await orgId(deps, name), signedOn: signed[i], validUntil: '2027-12-31', note: '职工疗休养战略合作协议' });
  }

  const center = '开化县职工疗休养服务中心';
  const products = [
    { title: '钱江源国家公园 · 三日生态疗休养', destination: '开化县钱江源国家公园', days: 3, priceFen: 128_000, includes: '住宿、餐饮、景区门票、健康体检、保险' },
    { title: '根宫佛国 · 两日文化疗休养', destination: '开化县根宫佛国文化旅游区', days: 2, priceFen: 86_000, includes: '住宿、餐饮、门票、保险' },
    { title: '长三角职工 · 开化五日疗休养', destination: '开化县（钱江源、根宫佛国、古田山）', days: 5, priceFen: 238_000, includes: '往返交通、住宿、餐饮、门票、健康体检' },
  ];
  const ids = [];
  for (const p of products) ids.push((await createProduct(deps, caller, { providerOrgId: kaihua, centerName: center, destinationRegion: 'province', ...p })).id);

  const day = today(deps);
  const first = await createBatch(deps, caller, { productId: ids[0], ...trip(day, 21, 3), places: 40, openToPartners: false });
  await createQuota(deps, caller, { batchId: first.id, orgId: huabu, places: 20 });
  await createQuota(deps, caller, { batchId: first.id, orgId: chihuai, places: 12 });
  await createQuota(deps, caller, { batchId: first.id, orgId: huabuUnion, places: 10 });
  await createBatch(deps, caller, { productId: ids[1], ...trip(day, 35, 2), places: 30, openToPartners: false });
  const partnerBatch = await createBatch(deps, caller, { productId: ids[2], ...trip(day, 49, 5), places: 60, openToPartners: true });
  await createQuota(deps, caller, { batchId: partnerBatch.id, orgId: await orgId(deps, '上海市徐汇区总工会'), places: 20 });
  await createQuota(deps, caller, { batchId: partnerBatch.id, orgId: await orgId(deps, '桐乡市总工会'), places: 15 });
  await createQuota(deps, caller, { batchId: partnerBatch.id, orgId: huabu, places: 10 });
}
