import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMember } from '../session';
import { useMyMembership } from '../members/use-membership';
import { icons } from '../icons';
import type { Tile } from '../portal-module';
import { NotificationBell } from '../notifications/bell';

/**
 * The services the portal offers, in the order shown. A module's tile (mobile/modules.ts) takes
 * its service's place; a service no module opens yet shows as coming soon, labelled
 * home.service.<key> in i18n/mobile.ts.
 */
const services = ['join', 'card', 'activity', 'rights', 'aid', 'training', 'recuperation', 'wish', 'vote', 'volunteer', 'competition', 'pioneer'] as const;
type Service = (typeof services)[number];

/** Tiles of no listed service come first (评审打分), then the services. */
function layout(tiles: Tile[]): (Tile | Service)[] {
  return [...tiles.filter((tile) => !(services as readonly string[]).includes(tile.key)), ...services.map((key) => tiles.find((tile) => tile.key === key) ?? key)];
}

/** 首页: a greeting and the services, with the modules' tiles (given by app.tsx from mobile/modules.ts). */
export function HomePage({ tiles }: { tiles: Tile[] }) {
  const { t } = useTranslation();
  const me = useMember();
  // A member is greeted by the real name on their record, not the account's nickname.
  const { membership } = useMyMembership(me.member !== null);
  const name = me.member ? membership?.name : me.displayName;
  const union = me.member?.orgName ?? me.grants.find((g) => g.orgName)?.orgName;
  return (
    <>
      <header className="gh-hero">
        <NotificationBell />
        <h1>{name === undefined ? '\u00a0' : t('home.greeting', { name })}</h1>
        <p>{union ?? t('home.noUnion')}</p>
      </header>
      <section className="gh-card" aria-labelledby="services-title">
        <h2 className="gh-section-title" id="services-title">
          {t('home.services')}
        </h2>
        <p className="gh-note">{t('home.notice')}</p>
        <ul className="gh-tiles" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {layout(tiles).map((tile) =>
            typeof tile === 'string' ? (
              <li key={tile} className="gh-tile" aria-disabled="true">
                <span className="gh-tile-icon">{icons[tile]}</span>
                <span>{t(`home.service.${tile}`)}</span>
                <span className="gh-tile-soon">{t('home.comingSoon')}</span>
              </li>
            ) : (
              (tile.shows?.(me) ?? true) && (
                <li key={tile.key}>
                  <Link to={tile.path} className="gh-tile" style={{ textDecoration: 'none' }}>
                    <span className="gh-tile-icon" style={{ opacity: 1 }}>
                      {tile.icon}
                    </span>
                    <span>{t(tile.label)}</span>
                  </Link>
                </li>
              )
            ),
          )}
        </ul>
      </section>
    </>
  );
}
