import { useTranslation } from 'react-i18next';

/** The product's emblem and name, on the red header (inverse) or on white. */
export function ProductMark({ inverse = false }: { inverse?: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, color: inverse ? '#fff' : '#1f1f1f', whiteSpace: 'nowrap' }}>
      <svg width="30" height="30" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill={inverse ? '#fff' : '#c8161d'} />
        <path d="M16 18h32v6H35v16h15v6H14v-6h15V24H16z" fill={inverse ? '#c8161d' : '#fff'} />
      </svg>
      <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('product')}</span>
    </span>
  );
}
