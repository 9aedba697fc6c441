import { Suspense } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { useSession } from '../session';
import { useMyMembership } from '../members/use-membership';
import type { HomeSection, Tile } from '../portal-module';
import { NotificationBell } from '../notifications/bell';

/**
 * 首页, for everyone. Logged out: what the union says in public, open activities, finding one's
 * union, 入会 and 登录. Logged in: a greeting, the services, then the modules' sections (the card,
 * unread notices, my registrations, news of my unions, open activities and contests). Tiles and
 * sections come from the modules (mobile/modules.ts, given by app.tsx): only services that exist
 * are shown.
 */
export function HomePage({ tiles, sections }: { tiles: Tile[]; sections: HomeSection[] }) {
  const { me } = useSession();
  if (!me) return <GuestHome tiles={tiles.filter((tile) => tile.guest)} sections={sections.filter((s) => s.audience !== 'user')} />;
  return <MemberHome me={me} tiles={tiles.filter((tile) => tile.shows?.(me) ?? true)} sections={sections.filter((s) => s.audience !== 'guest')} />;
}

function GuestHome({ tiles, sections }: { tiles: Tile[]; sections: HomeSection[] }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="gh-hero gh-hero-guest">
        <h1>{t('portal')}</h1>
        <p>{t('home.guestSub')}</p>
        <div className="gh-hero-actions">
          <Link to="/signup" className="gh-hero-primary">
            {t('home.join')}
          </Link>
          <Link to="/login" className="gh-hero-secondary">
            {t('home.login')}
          </Link>
        </div>
      </header>
      <Services tiles={tiles} />
      <Sections sections={sections} />
    </>
  );
}

function MemberHome({ me, tiles, sections }: { me: Me; tiles: Tile[]; sections: HomeSection[] }) {
  const { t } = useTranslation();
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
      <Services tiles={tiles} />
      <Sections sections={sections} />
    </>
  );
}

function Services({ tiles }: { tiles: Tile[] }) {
  const { t } = useTranslation();
  return (
    <section className="gh-card" aria-labelledby="services-title">
      <h2 className="gh-section-title" id="services-title">
        {t('home.services')}
      </h2>
      <ul className="gh-tiles">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link to={tile.path} className="gh-tile">
              <span className="gh-tile-icon">{tile.icon}</span>
              <span>{t(tile.label)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The modules' sections in their order; each shows nothing until it has loaded. */
function Sections({ sections }: { sections: HomeSection[] }) {
  return (
    <>
      {[...sections]
        .sort((a, b) => a.order - b.order)
        .map(({ key, section: Section }) => (
          <Suspense key={key} fallback={null}>
            <Section />
          </Suspense>
        ))}
    </>
  );
}
