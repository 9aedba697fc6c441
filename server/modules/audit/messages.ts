import type { Texts } from '../../platform/i18n.ts';

/** The Excel export's list name and column headers (platform/exports.ts). */
export const exportTexts = {
  auditLog: { zh: '审计日志', en: 'Audit log' },
  at: { zh: '时间', en: 'Time' },
  actor: { zh: '操作人', en: 'By' },
  action: { zh: '操作', en: 'Action' },
  entity: { zh: '对象', en: 'Entity' },
  entityId: { zh: '对象编号', en: 'Entity id' },
  org: { zh: '组织', en: 'Organisation' },
  ip: { zh: 'IP 地址', en: 'IP address' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
} satisfies Texts;
