import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { switchLanguage } from '../../i18n';
import { logIn, useMe } from '../session';
import { ProductMark } from '../shared/product-mark';
import { UNION_RED } from '../theme';

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (values: Values) => logIn(queryClient, values.username, values.password),
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => {
      if (error instanceof ApiError && error.errors.length) {
        form.setFields(error.errors.map((e) => ({ name: e.field as keyof Values, errors: [e.message] })));
      }
      setFailure(error instanceof ApiError ? error.detail : t('login.failed'));
    },
  });

  if (me.data) return <Navigate to={next} replace />;
  const english = i18n.language === 'en';

  return (
    <Flex vertical style={{ minHeight: '100vh', background: `linear-gradient(160deg, ${UNION_RED} 0%, #8f0f14 55%, #f3f4f6 55%)` }}>
      <Flex align="center" justify="space-between" style={{ padding: '18px 28px' }}>
        <ProductMark inverse />
        <Button type="text" icon={<GlobalOutlined />} aria-label={t('layout.switchLanguage')} style={{ color: '#fff' }} onClick={() => switchLanguage(english ? 'zh' : 'en')}>
          {english ? t('language.zh') : t('language.en')}
        </Button>
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 40px rgba(0,0,0,0.12)' }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              setFailure(null);
              login.mutate(values);
            }}
          >
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
              <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" size="large" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, textAlign: 'center', fontSize: 13 }}>
            {t('login.memberHint')} <a href="/m">{t('login.memberLink')}</a>
          </Typography.Paragraph>
        </Card>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 16, margin: 0 }}>
        {t('login.slogan')}
      </Typography.Paragraph>
    </Flex>
  );
}
