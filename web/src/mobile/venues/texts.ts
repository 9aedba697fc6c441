import { addTexts } from '../../i18n/add-texts';

/** The 阵地预约 page's texts, added when its chunk loads (the portal's first load holds the tile label only). */
const zh = {
  title: '阵地预约',
  intro: '预约所在工会的职工书屋、母婴室等阵地',
  empty: '暂无可预约的阵地',
  busy: '已被预约',
  free: '当天暂无预约',
  date: '日期',
  from: '开始',
  to: '结束',
  purpose: '用途',
  purposeDefault: '阅读',
  book: '预约',
  booked: '预约成功',
  mine: '我的预约',
  cancel: '取消',
  cancelled: '已取消',
  hours: '开放时间 {{open}}–{{close}}',
  closed: '当天不开放',
};
const en: typeof zh = {
  title: 'Book a venue',
  intro: 'Book your union’s reading room, nursing room and more',
  empty: 'No venues to book',
  busy: 'Booked',
  free: 'No bookings that day',
  date: 'Date',
  from: 'From',
  to: 'To',
  purpose: 'Purpose',
  purposeDefault: 'Reading',
  book: 'Book',
  booked: 'Booked',
  mine: 'My bookings',
  cancel: 'Cancel',
  cancelled: 'Cancelled',
  hours: 'Open {{open}}–{{close}}',
  closed: 'Closed that day',
};
addTexts({ zh: { venues: zh }, en: { venues: en } });
