import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Contest } from './types';
import './texts';

/** A contest's theme and kind of entry, as the list and the contest page both show them. */
export function ContestTags({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  return (
    <div className="gh-activity-tags">
      <Tag color="danger" fill="outline">
        {contest.theme}
      </Tag>
      <Tag color="primary" fill="outline">
        {t(`activities.contests.entryKind.${contest.entryKind}`)}
      </Tag>
    </div>
  );
}
