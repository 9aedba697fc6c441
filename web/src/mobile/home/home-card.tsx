import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A home page section: a card with a heading, and 更多 leading to the whole list. */
export function HomeCard({ id, title, more, children }: { id: string; title: string; more?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="gh-card gh-home-section" aria-labelledby={`home-${id}`} data-testid={`home-${id}`}>
      <div className="gh-home-section-head">
        <h2 className="gh-section-title" id={`home-${id}`}>
          {title}
        </h2>
        {more && (
          <Link to={more} className="gh-home-more">
            {t('home.more')}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}
