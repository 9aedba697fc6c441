import { App, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { articleKeys, type ManagedColumn } from './types';

interface NewColumn {
  orgId: number;
  name: string;
  ordering?: number;
}

/**
 * 栏目管理: the columns unions added beside the fixed four, usable by the articles of the union and
 * of its subtree. Those of the caller's own unions can be renamed, reordered and switched off;
 * those of the unions above are listed for reference.
 */
export function ColumnsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewColumn>();
  const writable = can(me, 'article.write');

  const list = useQuery({
    queryKey: [...articleKeys.columns, 'all'],
    queryFn: () => unwrap(api.GET('/api/articles/columns/manage', { params: { query: {} } })),
    enabled: open,
  });
  const changed = () => queryClient.invalidateQueries({ queryKey: articleKeys.all });

  const add = useMutation({
    mutationFn: (v: NewColumn) => unwrap(api.POST('/api/articles/columns', { body: { orgId: v.orgId, name: v.name.trim(), ordering: v.ordering ?? 0 } })),
    onSuccess: () => {
      message.success(t('articles.columns.added'));
      form.resetFields(['name', 'ordering']);
      changed();
    },
    onError: (error) => reportError(message, error, form),
  });
  const update = useMutation({
    mutationFn: ({ c, body }: { c: ManagedColumn; body: { name?: string; ordering?: number; active?: boolean } }) =>
      unwrap(api.PATCH('/api/articles/columns/{id}', { params: { path: { id: c.id } }, body })),
    onSuccess: changed,
    onError: (error) => reportError(message, error),
  });

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={760} title={t('articles.columns.manage')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('articles.columns.hint')}</Typography.Paragraph>
      {writable && (
        <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="orgId" rules={[{ required: true, message: t('articles.drawer.orgRequired') }]}>
            <OrgTreeSelect placeholder={t('articles.field.org')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('articles.columns.nameRequired') }, { max: 20 }]}>
            <Input placeholder={t('articles.columns.name')} maxLength={20} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="ordering">
            <InputNumber placeholder={t('articles.columns.ordering')} min={0} max={9999} style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('articles.columns.add')}
          </Button>
        </Form>
      )}
      <Table<ManagedColumn>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('articles.columns.empty') }}
        pagination={false}
        columns={[
          {
            title: t('articles.columns.name'),
            dataIndex: 'name',
            render: (name: string, c) =>
              c.writable ? <Typography.Text editable={{ maxLength: 20, onChange: (v) => v.trim() && v.trim() !== name && update.mutate({ c, body: { name: v.trim() } }) }}>{name}</Typography.Text> : name,
          },
          { title: t('articles.field.org'), dataIndex: 'orgName' },
          {
            title: t('articles.columns.ordering'),
            dataIndex: 'ordering',
            width: 100,
            render: (ordering: number, c) =>
              c.writable ? <InputNumber size="small" min={0} max={9999} defaultValue={ordering} onBlur={(e) => Number(e.target.value) !== ordering && update.mutate({ c, body: { ordering: Number(e.target.value) } })} /> : ordering,
          },
          {
            title: t('articles.columns.active'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean, c) => (
              <Space>
                <Switch size="small" checked={active} disabled={!c.writable} loading={update.isPending && update.variables?.c.id === c.id} onChange={(on) => update.mutate({ c, body: { active: on } })} aria-label={t('articles.columns.active')} />
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
