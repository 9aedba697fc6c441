import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useLoad } from '../shared/use-load';
import { HomeCard } from '../home/home-card';
import { useSession } from '../session';
import './texts';

/** 首页: a member's highest skill level, when they hold one; nothing otherwise. */
export function SkillsSection() {
  const { me } = useSession();
  return me?.member ? <Highest /> : null;
}

function Highest() {
  const { t } = useTranslation();
  const { data } = useLoad(() => unwrap(api.GET('/api/me/skill-levels')), []);
  const top = data?.items[0];
  if (!top) return null;
  return (
    <HomeCard id="skills" title={t('skills.title')} more="/skills">
      <Link to="/skills" className="gh-home-row">
        <strong>
          {t('skills.homeHighest')}：{t(`skills.level.${top.level}`)}
        </strong>
        <span>
          {top.occupation} · {t('skills.homeCount', { count: data.items.length })}
        </span>
      </Link>
    </HomeCard>
  );
}
