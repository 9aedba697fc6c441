import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { downloadFile } from './downloads';
import { memberKeys } from './queries';
import type { ImportRowError } from './types';
import { ImportRefused, uploadRoll } from './upload';

type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'processing' }
  | { step: 'done'; imported: number }
  | { step: 'refused'; error: ImportRefused };

/** 批量导入/导出: the roll in and out of Excel. */
export function FilesPage() {
  const me = useCurrentUser();
  return (
    <Flex vertical gap={16}>
      {can(me, 'member.write') && <ImportCard />}
      <ExportCard mayExportFull={can(me, 'member.pii')} />
    </Flex>
  );
}

function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, url: string, fallbackName: string) => {
    setBusy(key);
    try {
      await downloadFile(url, fallbackName);
    } catch (error) {
      reportError(message, error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}

function ImportCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { busy, download } = useDownload();
  const [orgId, setOrgId] = useState<number>();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const working = state.step === 'uploading' || state.step === 'processing';

  const start = async () => {
    if (!orgId || !file) return;
    setState({ step: 'uploading', percent: 0 });
    try {
      const { imported } = await uploadRoll(
        file,
        orgId,
        me.csrfToken,
        (percent) => setState({ step: 'uploading', percent }),
        () => setState({ step: 'processing' }),
      );
      setState({ step: 'done', imported });
      setFile(null);
      queryClient.invalidateQueries({ queryKey: memberKeys.all });
    } catch (error) {
      if (error instanceof ImportRefused && error.rows.length) setState({ step: 'refused', error });
      else {
        setState({ step: 'idle' });
        reportError(message, error);
      }
    }
  };

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('members.files.importTitle')}</h1>}
      extra={
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={() => download('template', '/api/members/import-template', '会员名册导入模板.xlsx')}>
          {t('members.files.template')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('members.files.importIntro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        <Form.Item label={t('members.files.org')} required>
          <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder={t('members.files.orgPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('members.files.choose')} required>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            disabled={working}
            fileList={file ? [{ uid: 'roll', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setState({ step: 'idle' });
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<FileExcelOutlined />}>{t('members.files.choose')}</Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" icon={<UploadOutlined />} disabled={!orgId || !file} loading={working} onClick={start}>
            {t('members.files.upload')}
          </Button>
          {!orgId && file && <Typography.Text type="warning">{t('members.files.orgRequired')}</Typography.Text>}
        </Space>
      </Form>
      {state.step === 'uploading' && (
        <div style={{ maxWidth: 520, marginTop: 16 }}>
          <Typography.Text>{t('members.files.uploading')}</Typography.Text>
          <Progress percent={state.percent} status="active" />
        </div>
      )}
      {state.step === 'processing' && (
        <div style={{ maxWidth: 520, marginTop: 16 }}>
          <Typography.Text>{t('members.files.processing')}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      )}
      {state.step === 'done' && <Alert style={{ marginTop: 16 }} type="success" showIcon title={t('members.files.imported', { count: state.imported })} />}
      {state.step === 'refused' && (
        <ImportErrors error={state.error} downloading={busy === 'report'} onReport={(url) => download('report', url, '导入错误报告.xlsx')} />
      )}
    </Card>
  );
}

function ImportErrors({ error, downloading, onReport }: { error: ImportRefused; downloading: boolean; onReport: (url: string) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        title={t('members.files.failedTitle', { detail: error.detail })}
        description={t('members.files.failedText')}
        action={
          error.reportUrl && (
            <Button size="small" danger icon={<DownloadOutlined />} loading={downloading} onClick={() => onReport(error.reportUrl!)}>
              {t('members.files.report')}
            </Button>
          )
        }
      />
      <Table<ImportRowError>
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
        dataSource={error.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('members.files.row'), dataIndex: 'row', width: 80 },
          { title: t('members.files.column'), dataIndex: 'column', width: 180 },
          { title: t('members.files.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

function ExportCard({ mayExportFull }: { mayExportFull: boolean }) {
  const { t } = useTranslation();
  const { busy, download } = useDownload();
  const [orgId, setOrgId] = useState<number>();
  const [full, setFull] = useState(false);

  const exportRoll = () => {
    const query = new URLSearchParams();
    if (orgId) query.set('orgId', String(orgId));
    if (full) query.set('full', 'true');
    download('export', `/api/members/export?${query}`, '会员名册.xlsx');
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('members.files.exportTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('members.files.exportIntro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        <Form.Item label={t('members.files.exportOrg')}>
          <OrgTreeSelect allowClear includeClosed value={orgId} onChange={setOrgId} placeholder={t('members.allOrgs')} />
        </Form.Item>
        {mayExportFull && (
          <Form.Item extra={t('members.files.fullNote')}>
            <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
              {t('members.files.full')}
            </Checkbox>
          </Form.Item>
        )}
        <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'export'} onClick={exportRoll}>
          {busy === 'export' ? t('members.files.exporting') : t('members.files.export')}
        </Button>
      </Form>
    </Card>
  );
}
