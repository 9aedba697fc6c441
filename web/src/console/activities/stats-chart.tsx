import { useTranslation } from 'react-i18next';
import { CountBars } from '../shared/charts';
import { activityKinds, type ActivityStats } from './types';

/** Activities of the year by kind, every kind listed so a gap shows as a gap. */
export function KindChart({ byKind }: { byKind: ActivityStats['byKind'] }) {
  const { t } = useTranslation();
  return (
    <CountBars
      categories={activityKinds.map((k) => t(`activityKind.${k}`))}
      values={activityKinds.map((k) => byKind[k] ?? 0)}
      name={t('activities.stats.activities')}
      rotate={20}
    />
  );
}
