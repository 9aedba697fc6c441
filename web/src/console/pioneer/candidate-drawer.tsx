import { useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Empty, Flex, Form, Input, InputNumber, List, Popconfirm, Segmented, Select, Skeleton, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { pioneerKeys } from './queries';
import { CandidateStatusTag, TypeTag } from './tags';
import { awards, dimensions, EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, type Award, type Campaign, type CandidateDetail } from './types';

const EVIDENCE_EXTENSIONS = /\.(pdf|jpe?g|png|docx|xlsx)$/i;
const preparing = (c: Campaign) => c.status === 'registration' || c.status === 'self_assessment';

/** One candidate: self-assessment with evidence, its judges, its showcase award, objections. */
export function CandidateDrawer({ campaign, candidateId, mayWrite, onClose }: { campaign: Campaign; candidateId: number; mayWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const candidate = useQuery({
    queryKey: pioneerKeys.candidate(candidateId),
    queryFn: () => unwrap(api.GET('/api/pioneer/candidates/{id}', { params: { path: { id: candidateId } } })),
  });
  const c = candidate.data;
  return (
    <Drawer open size={760} title={c ? t('pioneer.candidate.title', { team: c.teamName }) : ' '} onClose={onClose} destroyOnHidden>
      {candidate.isPending && <Skeleton active />}
      {candidate.isError && <Alert type="error" showIcon title={candidate.error.message} />}
      {c && (
        <Flex vertical gap={8}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('pioneer.candidates.field.team')}>{c.teamName}</Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.enterprise')}>{c.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.union')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.type')}>
              <TypeTag type={c.type} />
            </Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.workerCount')}>{c.workerCount}</Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.status')}>
              <CandidateStatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.score')}>{c.score?.toFixed(2) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pioneer.candidates.field.rank')}>{c.rank ?? '—'}</Descriptions.Item>
          </Descriptions>
          <SelfAssessment key={`self-${c.status}`} candidate={c} editable={mayWrite && c.status === 'registered' && preparing(campaign)} />
          <EvidenceList candidate={c} editable={mayWrite && c.status === 'registered' && preparing(campaign)} />
          <Judges candidate={c} campaign={campaign} mayWrite={mayWrite} />
          {(c.award || (campaign.status === 'showcase' && c.status === 'scored')) && <AwardPicker candidate={c} editable={mayWrite && campaign.status === 'showcase' && c.status === 'scored'} />}
          {c.objections.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('pioneer.candidate.objections')}</Divider>
              <List
                size="small"
                dataSource={c.objections}
                renderItem={(o) => (
                  <List.Item>
                    <Flex vertical gap={2}>
                      <span>
                        <Tag bordered={false} color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'red' : 'default'}>
                          {t(`pioneer.objections.status.${o.status}`)}
                        </Tag>
                        {o.reason}
                      </span>
                      {o.resolution && <Typography.Text type="secondary">{o.resolution}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
}

/** The summary and a self-mark for every criterion, grouped by the five dimensions. */
function SelfAssessment({ candidate, editable }: { candidate: CandidateDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ summary: string; points: Record<string, number | null> }>();
  const initial: { summary: string; points: Record<string, number | null> } = {
    summary: candidate.selfSummary ?? '',
    points: Object.fromEntries(candidate.selfScores.map((s) => [String(s.criterionId), s.points])),
  };

  const save = useMutation({
    mutationFn: (v: typeof initial) =>
      unwrap(
        api.PUT('/api/pioneer/candidates/{id}/self-assessment', {
          params: { path: { id: candidate.id } },
          body: {
            summary: v.summary,
            scores: Object.entries(v.points ?? {})
              .filter((e): e is [string, number] => typeof e[1] === 'number')
              .map(([criterionId, points]) => ({ criterionId: Number(criterionId), points })),
          },
        }),
      ),
    onSuccess: () => {
      message.success(t('pioneer.candidate.selfSaved'));
      refresh();
    },
    onError: (error) => reportError(message, error, form),
  });
  const move = useMutation({
    mutationFn: (name: 'submit' | 'withdraw') =>
      unwrap(name === 'submit' ? api.POST('/api/pioneer/candidates/{id}/submit', { params: { path: { id: candidate.id } } }) : api.POST('/api/pioneer/candidates/{id}/withdraw', { params: { path: { id: candidate.id } } })),
    onSuccess: (_, name) => {
      message.success(t(name === 'submit' ? 'pioneer.candidate.submitted' : 'pioneer.candidate.withdrawn'));
      refresh();
    },
  });
  const confirm = (name: 'submit' | 'withdraw') =>
    modal.confirm({
      title: t(`pioneer.candidate.${name}`),
      content: t(name === 'submit' ? 'pioneer.candidate.submitConfirm' : 'pioneer.candidate.withdrawConfirm'),
      okButtonProps: { danger: name === 'withdraw' },
      onOk: () => move.mutate(name),
    });

  return (
    <>
      <Divider titlePlacement="start">{t('pioneer.candidate.selfAssessment')}</Divider>
      <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="summary" label={t('pioneer.candidate.summary')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} placeholder={t('pioneer.candidate.summaryPlaceholder')} />
        </Form.Item>
        {dimensions.map((d) => {
          const criteria = candidate.criteria.filter((c) => c.dimension === d);
          if (criteria.length === 0) return null;
          return (
            <div key={d} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{t(`dimension.${d}`)}</Typography.Text>
              {criteria.map((c) => (
                <Flex key={c.id} align="center" justify="space-between" gap={12} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
                  <span style={{ flex: 1 }}>
                    {c.title}
                    {c.description && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {c.description}
                      </Typography.Text>
                    )}
                  </span>
                  <Form.Item name={['points', String(c.id)]} noStyle>
                    <InputNumber min={0} max={c.maxPoints} precision={0} aria-label={c.title} style={{ width: 90 }} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ width: 64 }}>
                    / {c.maxPoints}
                  </Typography.Text>
                </Flex>
              ))}
            </div>
          );
        })}
      </Form>
      {move.isError && <Alert type="error" showIcon title={t('pioneer.refused')} description={move.error.message} style={{ marginBottom: 8 }} />}
      {editable && (
        <Flex gap={8}>
          <Button onClick={() => form.submit()} loading={save.isPending}>
            {t('pioneer.candidate.saveSelf')}
          </Button>
          <Button type="primary" onClick={() => confirm('submit')} loading={move.isPending}>
            {t('pioneer.candidate.submit')}
          </Button>
          <Button danger onClick={() => confirm('withdraw')}>
            {t('pioneer.candidate.withdraw')}
          </Button>
        </Flex>
      )}
    </>
  );
}

/** Evidence files: download links, and while preparing, upload (type and size checked first) and remove. */
function EvidenceList({ candidate, editable }: { candidate: CandidateDetail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/pioneer/evidence/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('pioneer.candidate.evidenceRemoved'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  return (
    <>
      <Divider titlePlacement="start">{t('pioneer.candidate.evidence')}</Divider>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('pioneer.candidate.evidenceLimits')}
      </Typography.Paragraph>
      {candidate.evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pioneer.candidate.noEvidence')} />
      ) : (
        <List
          size="small"
          dataSource={candidate.evidence}
          renderItem={(e) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Popconfirm key="remove" title={t('pioneer.candidate.evidenceRemove')} onConfirm={() => remove.mutate(e.id)}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('pioneer.candidate.evidenceRemove')} ${e.fileName}`} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <a href={`/api/pioneer/evidence/${e.id}`}>
                <PaperClipOutlined /> {e.fileName}
              </a>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {(e.size / 1024).toFixed(0)} KB · {formatTime(e.createdAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {editable && (
        <Upload
          name="file"
          action={`/api/pioneer/candidates/${candidate.id}/evidence`}
          accept={EVIDENCE_ACCEPT}
          multiple
          withCredentials
          headers={{ 'x-csrf-token': me.csrfToken, 'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN' }}
          showUploadList={{ showRemoveIcon: false }}
          beforeUpload={(file) => {
            if (!EVIDENCE_EXTENSIONS.test(file.name)) {
              message.error(t('pioneer.candidate.evidenceBadType', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            if (file.size > EVIDENCE_MAX_BYTES) {
              message.error(t('pioneer.candidate.evidenceTooBig', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          onChange={({ file }) => {
            if (file.status === 'done') {
              message.success(t('pioneer.candidate.evidenceUploaded', { name: file.name }));
              refresh();
            } else if (file.status === 'error') {
              const detail = (file.response as { detail?: string } | undefined)?.detail ?? file.error?.message ?? '';
              message.error(t('pioneer.candidate.evidenceFailed', { name: file.name, detail }));
            }
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginTop: 8 }}>
            {t('pioneer.candidate.evidenceUpload')}
          </Button>
        </Upload>
      )}
    </>
  );
}

/** The candidate's judges with their totals; while scoring is open, assign one more. */
function Judges({ candidate, campaign, mayWrite }: { candidate: CandidateDetail; campaign: Campaign; mayWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [judgeId, setJudgeId] = useState<number>();
  const open = mayWrite && (campaign.status === 'self_assessment' || campaign.status === 'scoring') && (candidate.status === 'registered' || candidate.status === 'submitted');
  // Judges are users holding a judge grant in the caller's scope; the server checks the grant covers the campaign.
  const judges = useQuery({
    queryKey: pioneerKeys.judges(campaign.orgId),
    queryFn: () => unwrap(api.GET('/api/role-grants', { params: { query: { role: 'judge', pageSize: 200 } } })),
    enabled: open,
  });
  const options = [...new Map((judges.data?.items ?? []).map((g) => [g.userId, g])).values()]
    .filter((g) => !candidate.assignments.some((a) => a.judgeId === g.userId))
    .map((g) => ({ value: g.userId, label: `${g.displayName}（${g.username}）` }));
  const assign = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/pioneer/candidates/{id}/judges', { params: { path: { id: candidate.id } }, body: { judgeId: id } })),
    onSuccess: () => {
      message.success(t('pioneer.candidate.assigned', { name: options.find((o) => o.value === judgeId)?.label ?? '' }));
      setJudgeId(undefined);
      refresh();
    },
  });

  return (
    <>
      <Divider titlePlacement="start">{t('pioneer.candidate.judges')}</Divider>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={candidate.assignments}
        locale={{ emptyText: t('pioneer.candidate.noJudges') }}
        columns={[
          { title: t('pioneer.candidate.judge'), dataIndex: 'judgeName' },
          { title: t('pioneer.candidate.marksGiven'), dataIndex: 'marksGiven', align: 'right', render: (n: number) => `${n} / ${candidate.criteria.length}` },
          { title: t('pioneer.candidate.judgeTotal'), dataIndex: 'total', align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
        ]}
      />
      {open && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Select
            aria-label={t('pioneer.candidate.judge')}
            value={judgeId}
            onChange={(v) => {
              setJudgeId(v);
              assign.reset();
            }}
            placeholder={t('pioneer.candidate.judgePlaceholder')}
            loading={judges.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 300 }}
          />
          <Button disabled={!judgeId} loading={assign.isPending} onClick={() => judgeId && assign.mutate(judgeId)}>
            {t('pioneer.candidate.assign')}
          </Button>
        </Flex>
      )}
      {assign.isError && <Alert type="error" showIcon title={t('pioneer.refused')} description={assign.error instanceof ApiError ? assign.error.detail : assign.error.message} style={{ marginTop: 8 }} />}
    </>
  );
}

/** 成果展示: 创新成果奖 or 入围成果奖, or none. */
function AwardPicker({ candidate, editable }: { candidate: CandidateDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (award: Award | null) => unwrap(api.POST('/api/pioneer/candidates/{id}/award', { params: { path: { id: candidate.id } }, body: { award } })),
    onSuccess: () => {
      message.success(t('pioneer.candidate.awardSaved'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });
  return (
    <>
      <Divider titlePlacement="start">{t('pioneer.candidate.award')}</Divider>
      <Segmented
        disabled={!editable || save.isPending}
        value={candidate.award ?? 'none'}
        onChange={(v) => save.mutate(v === 'none' ? null : (v as Award))}
        options={[...awards, 'none' as const].map((a) => ({ value: a, label: t(`pioneer.award.${a}`) }))}
      />
    </>
  );
}
