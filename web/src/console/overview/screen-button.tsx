import { Button } from 'antd';
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Opens an org's data screen in a window of its own, for the wall or a second monitor. */
export function ScreenButton({ orgId, size }: { orgId: number; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  return (
    <Button size={size} icon={<FundProjectionScreenOutlined />} href={`/screen/${orgId}`} target="_blank" rel="noopener">
      {t('screen.open')}
    </Button>
  );
}
