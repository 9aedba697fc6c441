import { useEffect } from 'react';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select, Space, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { inZone, pickedInZone, type dayjs } from '../../ui/time';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { AttachmentsEditor } from './attachments-editor';
import { useColumnOptions } from './columns';
import { CoverPicker } from './cover-picker';
import { RichEditor } from './rich-editor';
import { articleKeys, type ArticleColumn, type CreateArticleBody, type UpdateArticleBody } from './types';

interface Values {
  orgId: number;
  column: ArticleColumn;
  title: string;
  body: string;
  public: boolean;
  publishAt?: dayjs.Dayjs | null;
  coverUrl?: string | null;
}

interface Props {
  /** The article's id when editing, `'new'` to write one, null when closed. */
  article: number | 'new' | null;
  onClose: () => void;
}

/** Policies and rights guides are for every worker; news, notices and a union's own columns for its members (rules.ts defaultPublic). */
const publicByDefault = (column: ArticleColumn) => column === 'policy' || column === 'rights_guide';

/** 写文章 / 编辑文章: a new article is saved as a draft or published (now or at a chosen time). */
export function ArticleDrawer({ article, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const editingId = typeof article === 'number' ? article : null;
  const orgId = Form.useWatch('orgId', form);
  const body = Form.useWatch('body', form);

  const existing = useQuery({
    queryKey: articleKeys.one(editingId ?? 0),
    queryFn: () => unwrap(api.GET('/api/articles/manage/{id}', { params: { path: { id: editingId! } } })),
    enabled: editingId !== null,
  });
  // A union's own columns are offered where its articles may use them: its own and those above it.
  const columnOptions = useColumnOptions(orgId ?? existing.data?.orgId ?? null);

  useEffect(() => {
    if (article === 'new') {
      form.resetFields();
      // Most cadres write for the union they are granted on: start from it.
      const own = me.grants.find((g) => g.orgId !== null && g.permissions.includes('article.write'))?.orgId ?? undefined;
      form.setFieldsValue({ column: 'notice', public: false, body: '', orgId: own });
    } else if (existing.data) {
      const a = existing.data;
      // A scheduled article shows its time, to be kept or moved (publishing again reschedules it).
      const publishAt = a.status === 'scheduled' && a.publishedAt ? inZone(a.publishedAt) : null;
      form.setFieldsValue({ orgId: a.orgId, column: a.column, title: a.title, body: a.body, public: a.public, coverUrl: a.coverUrl, publishAt });
    }
  }, [article, existing.data, form, me]);

  const save = useMutation({
    mutationFn: async ({ v, publish }: { v: Values; publish: boolean }) => {
      if (editingId) {
        const patch: UpdateArticleBody = { column: v.column, title: v.title.trim(), body: v.body, public: v.public };
        if ((v.coverUrl ?? null) !== (existing.data?.coverUrl ?? null)) patch.coverUrl = v.coverUrl ?? null;
        await unwrap(api.PATCH('/api/articles/{id}', { params: { path: { id: editingId } }, body: patch }));
        if (!publish) return 'saved' as const;
        const body = v.publishAt ? { publishAt: pickedInZone(v.publishAt) } : {};
        const done = await unwrap(api.POST('/api/articles/{id}/publish', { params: { path: { id: editingId } }, body }));
        return done.status === 'scheduled' ? ('scheduledDone' as const) : ('publishedDone' as const);
      }
      const body: CreateArticleBody = { orgId: v.orgId, column: v.column, title: v.title.trim(), body: v.body, public: v.public };
      if (v.coverUrl) body.coverUrl = v.coverUrl;
      if (publish) body.publishAt = v.publishAt ? pickedInZone(v.publishAt) : new Date().toISOString();
      const created = await unwrap(api.POST('/api/articles', { body }));
      return created.status === 'draft' ? ('created' as const) : created.status === 'scheduled' ? ('scheduledDone' as const) : ('publishedDone' as const);
    },
    onSuccess: (done) => {
      message.success(t(`articles.drawer.${done}`));
      queryClient.invalidateQueries({ queryKey: articleKeys.all });
      onClose();
    },
    onError: (error) => reportError(message, error, form),
  });

  /** a draft, scheduled or withdrawn article may be published (now or at a time) from here too */
  const publishable = existing.data?.actions.includes('publish') ?? false;
  const submit = (publish: boolean) => form.validateFields().then((v) => save.mutate({ v, publish }), () => undefined);
  const required = (msg: string) => [{ required: true, message: msg }];

  return (
    <Drawer
      open={article !== null}
      onClose={onClose}
      size={760}
      title={editingId ? t('articles.drawer.editTitle') : t('articles.drawer.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          {editingId ? (
            <>
              <Button type={publishable ? 'default' : 'primary'} loading={save.isPending} onClick={() => submit(false)}>
                {t('articles.drawer.save')}
              </Button>
              {publishable && (
                <Button type="primary" loading={save.isPending} onClick={() => submit(true)}>
                  {t('articles.drawer.saveAndPublish')}
                </Button>
              )}
            </>
          ) : (
            <>
              <Button loading={save.isPending} onClick={() => submit(false)}>
                {t('articles.drawer.saveDraft')}
              </Button>
              <Button type="primary" loading={save.isPending} onClick={() => submit(true)}>
                {t('articles.drawer.publishNow')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      {editingId && existing.isLoading ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onValuesChange={(changed: Partial<Values>) => changed.column && !editingId && form.setFieldValue('public', publicByDefault(changed.column))}>
          <Form.Item name="title" label={t('articles.field.title')} rules={[...required(t('articles.drawer.titleRequired')), { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="column" label={t('articles.field.column')} rules={required(t('articles.drawer.columnRequired'))}>
                <Select options={columnOptions} />
              </Form.Item>
            </Col>
            <Col span={12}>
              {existing.data ? (
                <Form.Item label={t('articles.field.org')}>
                  <Input disabled value={existing.data.orgName} />
                </Form.Item>
              ) : (
                <Form.Item name="orgId" label={t('articles.field.org')} rules={required(t('articles.drawer.orgRequired'))}>
                  <OrgTreeSelect />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Form.Item name="public" label={t('articles.field.audience')}>
            <Radio.Group
              options={[
                { value: false, label: t('articles.field.membersOnly') },
                { value: true, label: t('articles.field.public') },
              ]}
            />
          </Form.Item>
          {(!editingId || publishable) && (
            <Form.Item name="publishAt" label={t('articles.field.publishAt')} extra={t('articles.drawer.publishAtHint')}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          )}
          <Alert type="info" showIcon title={t('articles.drawer.sanitized')} style={{ marginBottom: 12 }} />
          <Form.Item name="body" label={t('articles.field.body')} rules={required(t('articles.drawer.bodyRequired'))}>
            <RichEditor orgId={orgId ?? existing.data?.orgId} />
          </Form.Item>
          <Form.Item name="coverUrl" label={t('articles.field.cover')} extra={t('articles.cover.hint')}>
            <CoverPicker orgId={orgId ?? existing.data?.orgId} body={body} />
          </Form.Item>
          <Form.Item label={t('articles.field.attachments')}>
            {existing.data ? <AttachmentsEditor articleId={existing.data.id} attachments={existing.data.attachments} /> : <Alert type="info" showIcon title={t('articles.attachments.afterSave')} />}
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
