import { Link } from 'react-router';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { HomeCard } from '../home/home-card';
import { useSession } from '../session';
import { useMyMembership } from './use-membership';
import './home-texts';

/** 首页's first section for an account: the member card in short, or the way to become a member. */
export function CardSection() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { membership } = useMyMembership(me?.member !== null);
  if (membership === undefined) return null;
  if (membership === null || membership.status === 'left') {
    return (
      <HomeCard id="card" title={t('membersHome.cardTitle')}>
        <p className="gh-home-empty">{t('membersHome.notMember')}</p>
        <Link to="/join" className="gh-home-row">
          <strong>{t('membersHome.apply')}</strong>
          <span>{t('membersHome.joinHint')}</span>
        </Link>
      </HomeCard>
    );
  }
  return (
    <HomeCard id="card" title={t('membersHome.cardTitle')} more="/card">
      <Link to="/card" className="gh-home-row gh-home-card" aria-label={t('membersHome.showCard')}>
        <strong>
          {membership.name} <Tag color={membership.status === 'member' ? 'success' : 'warning'}>{t(`memberStatus.${membership.status}`)}</Tag>
        </strong>
        <span>
          {t('membersHome.memberNo')} {membership.memberNo}
        </span>
        <span>{membership.orgName}</span>
      </Link>
    </HomeCard>
  );
}
