import { Button, Card, Col, Empty, Flex, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { openNoticeLink } from '../../ui/notices';
import { useCurrentUser } from '../shared/me-context';
import { useTopOrg } from '../shared/top-org';
import { NoticeList } from '../notifications/notice-list';
import { useBellNotices } from '../notifications/queries';
import { ScreenButton } from '../overview/screen-button';

type Todo = Awaited<ReturnType<typeof loadTodos>>['items'][number];
const loadTodos = () => unwrap(api.GET('/api/todos'));

/** 工作台: the console's home. What waits for the cadre (each module's to-dos), their notices, their scope's figures. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgs = [...new Set(me.grants.flatMap((g) => (g.role !== 'member' && g.orgName ? [g.orgName] : [])))];
  return (
    <Flex vertical gap={16}>
      <Card>
        <h1 style={{ fontSize: 18, margin: 0 }}>{t('workbench.greeting', { name: me.displayName })}</h1>
        {orgs.length > 0 && <Typography.Text type="secondary">{t('workbench.scope', { orgs: orgs.join('、') })}</Typography.Text>}
      </Card>
      <Todos />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Figures />
        </Col>
        <Col xs={24} xl={10}>
          <Notices />
        </Col>
      </Row>
    </Flex>
  );
}

function Todos() {
  const { t } = useTranslation();
  const todos = useQuery({ queryKey: ['todos'], queryFn: loadTodos, refetchInterval: 60_000 });
  return (
    <Card title={t('workbench.todos')}>
      {todos.isError && <Result status="error" title={t('error.loadFailed')} subTitle={todos.error.message} />}
      {todos.isPending && <Skeleton active />}
      {todos.data && todos.data.items.length === 0 && <Empty description={t('workbench.noTodos')} />}
      {todos.data && (
        <Row gutter={[12, 12]}>
          {todos.data.items.map((item) => (
            <Col key={item.kind} xs={24} sm={12} lg={8} xxl={6}>
              <TodoCard item={item} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

function TodoCard({ item }: { item: Todo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = t(`workbench.todo.${item.kind}`, { defaultValue: item.kind });
  return (
    <Card size="small" role="group" aria-label={label} style={{ height: '100%', borderColor: item.overdue > 0 ? '#ffccc7' : undefined }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Statistic title={label} value={item.count} />
        {item.overdue > 0 && <Tag color="error">{t('workbench.overdue', { count: item.overdue })}</Tag>}
      </Flex>
      <Button type={item.count > 0 ? 'primary' : 'default'} size="small" style={{ marginTop: 8 }} disabled={item.count === 0} onClick={() => openNoticeLink(item.link, 'console', navigate)}>
        {item.count > 0 ? t('workbench.handle') : t('workbench.nothing')}
      </Button>
    </Card>
  );
}

function Figures() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgId = useTopOrg(me);
  const stats = useQuery({
    queryKey: ['members', 'stats', orgId ?? 0],
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/stats', { params: { path: { id: orgId! } } })),
    enabled: orgId !== undefined && me.grants.some((g) => g.permissions.includes('org.read')),
  });
  if (!stats.data) return stats.isError ? <Result status="error" title={t('error.loadFailed')} subTitle={stats.error.message} /> : null;
  const figures = ['members', 'unions', 'enterprises', 'enterprisesWithoutUnion'] as const;
  const orgName = me.grants.find((g) => g.orgId === orgId)?.orgName;
  return (
    <Card
      title={t('workbench.figures')}
      extra={
        <Flex align="center" gap={12}>
          {orgName && <Typography.Text type="secondary">{t('workbench.figuresOf', { org: orgName })}</Typography.Text>}
          <ScreenButton orgId={orgId!} size="small" />
        </Flex>
      }
    >
      <Row gutter={[12, 12]}>
        {figures.map((key) => (
          <Col key={key} xs={12} md={6}>
            <Statistic title={t(`workbench.figure.${key}`)} value={stats.data[key]} styles={{ content: key === 'enterprisesWithoutUnion' && stats.data[key] > 0 ? { color: '#c8161d' } : undefined }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Notices() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notices = useBellNotices();
  return (
    <Card title={t('workbench.notices')} extra={<Button type="link" size="small" onClick={() => navigate('/notifications')}>{t('workbench.viewAll')}</Button>}>
      {notices.isPending ? <Skeleton active /> : <NoticeList compact items={notices.data?.items ?? []} />}
    </Card>
  );
}
