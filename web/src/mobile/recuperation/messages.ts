/** The portal's 疗休养 messages: the `recuperation` namespace (see module.tsx); kept short, they load with the portal. */
export const recuperationZh = {
  title: '职工疗休养',
  open: '可报名批次',
  mine: '我的报名',
  none: '暂无可报名的批次',
  free: '余 {{n}} 个名额',
  apply: '报名',
  cancel: '取消',
  years: '工作年限',
  frontline: '一线职工',
  applied: '已提交：{{s}}',
  status: { pending: '待审核', waitlisted: '候补', approved: '已批准', rejected: '未通过' },
};
export const recuperationEn: typeof recuperationZh = {
  title: 'Recuperation',
  open: 'Open batches',
  mine: 'My applications',
  none: 'No batch open to you',
  free: '{{n}} places left',
  apply: 'Apply',
  cancel: 'Cancel',
  years: 'Working years',
  frontline: 'Frontline worker',
  applied: 'Sent: {{s}}',
  status: { pending: 'Pending', waitlisted: 'Waitlisted', approved: 'Approved', rejected: 'Rejected' },
};
