import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('layout.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('layout.backHome')}
        </Button>
      }
    />
  );
}
