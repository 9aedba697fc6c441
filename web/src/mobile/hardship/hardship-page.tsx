import { addTexts } from '../../i18n/add-texts';
import { useNavigate } from 'react-router';
import { Button, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';

// The page's texts load with it (addTexts), out of the portal's first load.
const zh = {
  title: '困难帮扶',
  none: '您的家庭尚未建立困难职工档案',
  noneHint: '家庭因病、因残、因意外或子女就学等陷入困难，可向所在工会申请建档帮扶，也可拨打 12351 职工服务热线。突发劳动纠纷请使用维权服务。',
  toRights: '维权服务',
  file: '我的帮扶档案',
  tier: { deep: '深度困难', relative: '相对困难', accident: '意外致困', none: '不属困难' },
  status: { active: '在档', exited: '已脱困' },
  kind: { warmth: '送温暖', schooling: '金秋助学', medical: '医疗救助', emergency: '临时救助' },
  union: '建档工会',
  checkedOn: '上次核查',
  nextCheck: '下次复核',
  aids: '已获帮扶',
  noAids: '暂无帮扶记录',
};
const en: typeof zh = {
  title: 'Hardship aid',
  none: 'Your household has no hardship file',
  noneHint: 'If illness, disability, an accident or schooling costs put your family in difficulty, ask your union to open a file, or call the 12351 hotline. For a dispute at work, use Rights help.',
  toRights: 'Rights help',
  file: 'My household file',
  tier: { deep: 'Deep hardship', relative: 'Relative hardship', accident: 'By accident', none: 'Not in hardship' },
  status: { active: 'On the register', exited: 'Left the register' },
  kind: { warmth: 'Winter warmth', schooling: 'Schooling aid', medical: 'Medical aid', emergency: 'Emergency aid' },
  union: 'Union',
  checkedOn: 'Last checked',
  nextCheck: 'Next re-check',
  aids: 'Aid received',
  noAids: 'No aid yet',
};
addTexts({ zh: { hardshipPortal: zh }, en: { hardshipPortal: en } });

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 困难帮扶: the member's household file, its tier and next re-check, and the aid paid to it (no income shown). */
export function HardshipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/hardship-files/mine')), []);
  const f = data?.file;
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('hardshipPortal.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && !f && (
        <EmptyState title={t('hardshipPortal.none')}>
          <p style={{ color: '#666', padding: '0 16px' }}>{t('hardshipPortal.noneHint')}</p>
          <Button color="primary" fill="outline" onClick={() => navigate('/rights')}>
            {t('hardshipPortal.toRights')}
          </Button>
        </EmptyState>
      )}
      {f && (
        <>
          <List className="gh-card-flat" mode="card" header={t('hardshipPortal.file')}>
            <List.Item extra={<Tag color={f.status === 'active' ? 'primary' : 'default'}>{t(`hardshipPortal.status.${f.status}`)}</Tag>}>
              <span data-testid="hardship-tier">{t(`hardshipPortal.tier.${f.tier}`)}</span>
            </List.Item>
            <List.Item extra={f.orgName}>{t('hardshipPortal.union')}</List.Item>
            <List.Item extra={f.checkedOn}>{t('hardshipPortal.checkedOn')}</List.Item>
            {f.status === 'active' && <List.Item extra={f.nextCheckDue}>{t('hardshipPortal.nextCheck')}</List.Item>}
          </List>
          <List className="gh-card-flat" mode="card" header={t('hardshipPortal.aids')}>
            {f.aids.length === 0 && <List.Item>{t('hardshipPortal.noAids')}</List.Item>}
            {f.aids.map((a, i) => (
              <List.Item key={i} extra={yuan(a.amountFen)} description={`${a.paidOn}${a.campaignName ? ` · ${a.campaignName}` : ''}`}>
                {t(`hardshipPortal.kind.${a.kind}`)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
