/** The console's 普惠福利 messages: the `benefits` namespace (see module.tsx). */
export const benefitsZh = {
  allOrgs: '全部组织',
  empty: '暂无福利',
  total: '共 {{total}} 项福利',
  create: '发布福利',
  created: '福利已发布',
  anyGender: '不限',
  kind: { summer_cool: '夏季送清凉', new_year_dinner: '年夜饭', goddess_day: '女神节', birthday: '生日福利', other: '其他' },
  gender: { male: '男', female: '女' },
  field: {
    title: '福利名称',
    org: '发放工会',
    kind: '类别',
    description: '说明',
    stock: '库存',
    claimed: '已领取',
    redeemed: '已核销',
    window: '领取时间',
    gender: '限定性别',
    minTenureMonths: '最短入会月数',
  },
};
export const benefitsEn: typeof benefitsZh = {
  allOrgs: 'All unions',
  empty: 'No benefits',
  total: '{{total}} benefits',
  create: 'Publish benefit',
  created: 'Benefit published',
  anyGender: 'Any',
  kind: { summer_cool: 'Summer cool', new_year_dinner: 'New Year dinner', goddess_day: 'Women’s Day', birthday: 'Birthday', other: 'Other' },
  gender: { male: 'Male', female: 'Female' },
  field: {
    title: 'Title',
    org: 'Union',
    kind: 'Kind',
    description: 'Description',
    stock: 'Stock',
    claimed: 'Claimed',
    redeemed: 'Redeemed',
    window: 'Claim window',
    gender: 'Gender',
    minTenureMonths: 'Minimum months of membership',
  },
};
export const benefitsMenuZh = { benefits: '普惠福利' };
export const benefitsMenuEn: typeof benefitsMenuZh = { benefits: 'Benefits' };
