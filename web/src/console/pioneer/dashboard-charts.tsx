import { useTranslation } from 'react-i18next';
import { UNION_RED } from '../theme';
import { CountBars, ShareRing } from '../shared/charts';
import { levels, pioneerTypes, type PioneerStats } from './types';

const typeColors = [UNION_RED, '#1677ff', '#faad14', '#13a8a8', '#722ed1'];

/** Active titles per level, national first. */
export function LevelBars({ byLevel }: { byLevel: PioneerStats['byLevel'] }) {
  const { t } = useTranslation();
  return <CountBars categories={levels.map((l) => t(`pioneer.level.${l}`))} values={levels.map((l) => byLevel[l])} name={t('pioneer.dashboard.activeTitles')} showValues />;
}

/** Active titles per type of the five. */
export function TypePie({ byType }: { byType: PioneerStats['byType'] }) {
  const { t } = useTranslation();
  return <ShareRing slices={pioneerTypes.map((p, i) => ({ name: t(`pioneerType.${p}`), value: byType[p], color: typeColors[i] }))} />;
}
