import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMember } from '../session';
import { icons } from '../icons';

/** Services the portal offers: the open ones link to their pages, the rest show as not open yet. */
const services = ['join', 'card', 'activity', 'rights', 'aid', 'training', 'recuperation', 'wish', 'vote', 'volunteer', 'competition', 'pioneer'] as const;
const open: Partial<Record<(typeof services)[number] | 'judging', string>> = { join: '/join', card: '/card', activity: '/activities', vote: '/contests', judging: '/judging' };

export function HomePage() {
  const { t } = useTranslation();
  const me = useMember();
  const union = me.grants.find((g) => g.role === 'member')?.orgName ?? me.grants.find((g) => g.orgName)?.orgName;
  // 评审打分 only for those holding a judge grant.
  const tiles = me.grants.some((g) => g.role === 'judge') ? (['judging', ...services] as const) : services;
  return (
    <>
      <header className="gh-hero">
        <h1>{t('home.greeting', { name: me.displayName })}</h1>
        <p>{union ?? t('home.noUnion')}</p>
      </header>
      <section className="gh-card" aria-labelledby="services-title">
        <h2 className="gh-section-title" id="services-title">
          {t('home.services')}
        </h2>
        <p className="gh-note">{t('home.notice')}</p>
        <ul className="gh-tiles" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {tiles.map((key) => {
            const path = open[key];
            return path ? (
              <li key={key}>
                <Link to={path} className="gh-tile" style={{ textDecoration: 'none' }}>
                  <span className="gh-tile-icon" style={{ opacity: 1 }}>
                    {icons[key]}
                  </span>
                  <span>{t(`home.service.${key}`)}</span>
                </Link>
              </li>
            ) : (
              <li key={key} className="gh-tile" aria-disabled="true">
                <span className="gh-tile-icon">{icons[key]}</span>
                <span>{t(`home.service.${key}`)}</span>
                <span className="gh-tile-soon">{t('home.comingSoon')}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
