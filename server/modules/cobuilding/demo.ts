import type { Caller, Deps } from '../../platform/context.ts';
import { claimItem, createItem } from './items.ts';
import { createContact, createPartner } from './partners.ts';

/**
 * 天水街道总工会 and the 武林商圈's co-building units (the seed: banks, hospitals, malls and bodies
 * directly under the province and city, with 需求/资源/项目/服务 lists claimed both ways). The seed
 * names no unit: the four here are the demo's. Runs after the 天水 tree exists (load.ts).
 */
export async function seedCobuildingDemo(deps: Deps, caller: Caller, password: string): Promise<void> {
  const tianshui = (await deps.db.selectFrom('orgs').select('id').where('name', '=', '天水街道总工会').executeTakeFirstOrThrow()).id;
  const partners = [];
  for (const [name, kind] of [
    ['武林商圈某银行支行', 'bank'],
    ['武林商圈某医院', 'hospital'],
    ['武林商圈某商场', 'mall'],
    ['某省直属单位机关党委', 'public_body'],
  ] as const) {
    partners.push((await createPartner(deps, caller, { orgId: tianshui, name, kind, uscc: null, contactName: null, contactPhone: null, agreementFrom: '2026-03-01', agreementUntil: '2028-02-29' })).id);
  }
  // the bank's contact (login `wlbank`) publishes and claims for the bank
  await createContact(deps, caller, partners[0], { username: 'wlbank', displayName: '周晓岚', password, phone: null });
  const item = (list: 'need' | 'resource' | 'project' | 'service', title: string, description: string, partnerId: number | null = null) =>
    createItem(deps, caller, { orgId: tianshui, partnerId, list, title, description });
  await item('need', '楼宇职工午间健康讲座场地', '商圈楼宇职工希望在午休时间就近参加健康讲座，需要 60 人左右的场地。');
  await item('resource', '职工之家活动室对外开放', '天水街道职工之家活动室周末可供共建单位开展活动。');
  await item('project', '商圈职工子女暑期托管', '暑期为商圈楼宇职工子女提供托管服务，需要志愿者和场地支持。');
  const service = await item('service', '职工免费体检咨询', '每月一次为商圈职工提供体检报告解读和健康咨询。', partners[1]);
  await item('resource', '金融知识进楼宇', '为楼宇职工讲解防范电信诈骗和理财知识。', partners[0]);
  // the union claims the hospital's service: 双向认领
  await claimItem(deps, caller, service.id);
}
