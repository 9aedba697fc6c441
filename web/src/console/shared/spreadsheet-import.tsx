import { useState } from 'react';
import { Alert, App, Button, Card, Form, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { reportError } from './errors';
import { useCurrentUser } from './me-context';
import { OrgTreeSelect } from './org-tree-select';
import { downloadFile } from '../../ui/download';
import { ImportRefused, uploadWorkbook, type ImportRowError } from '../../ui/upload';

type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'processing' }
  | { step: 'done'; imported: number }
  | { step: 'refused'; error: ImportRefused };

/** Downloads with a busy flag per button and the refusal shown as a message. */
export function useDownload() {
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

interface Props {
  /** Where the texts live: `<ns>.importTitle`, `.template`, `.importIntro`, `.org`, `.upload`… */
  ns: string;
  templateUrl: string;
  templateName: string;
  /** Takes multipart `file` and `orgId`; answers {imported} or 422 with row errors and a report. */
  importUrl: string;
  onImported: () => void;
}

/**
 * An Excel import into one organisation: template download, upload with progress, then either
 * the count imported or every bad cell with a link to the error report. All or nothing.
 */
export function SpreadsheetImport({ ns, templateUrl, templateName, importUrl, onImported }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const { busy, download } = useDownload();
  const [orgId, setOrgId] = useState<number>();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const working = state.step === 'uploading' || state.step === 'processing';

  const start = async () => {
    if (!orgId || !file) return;
    setState({ step: 'uploading', percent: 0 });
    try {
      const { imported } = await uploadWorkbook(
        importUrl,
        file,
        { orgId: String(orgId) },
        me.csrfToken,
        (percent) => setState({ step: 'uploading', percent }),
        () => setState({ step: 'processing' }),
        t(`${ns}.network`),
      );
      setState({ step: 'done', imported });
      setFile(null);
      onImported();
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
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t(`${ns}.importTitle`)}</h1>}
      extra={
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={() => download('template', templateUrl, templateName)}>
          {t(`${ns}.template`)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(`${ns}.importIntro`)}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        <Form.Item label={t(`${ns}.org`)} required>
          <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder={t(`${ns}.orgPlaceholder`)} />
        </Form.Item>
        <Form.Item label={t(`${ns}.choose`)} required>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            disabled={working}
            fileList={file ? [{ uid: 'workbook', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setState({ step: 'idle' });
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<FileExcelOutlined />}>{t(`${ns}.choose`)}</Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" icon={<UploadOutlined />} disabled={!orgId || !file} loading={working} onClick={start}>
            {t(`${ns}.upload`)}
          </Button>
          {!orgId && file && <Typography.Text type="warning">{t(`${ns}.orgRequired`)}</Typography.Text>}
        </Space>
      </Form>
      {state.step === 'uploading' && (
        <div style={{ maxWidth: 520, marginTop: 16 }}>
          <Typography.Text>{t(`${ns}.uploading`)}</Typography.Text>
          <Progress percent={state.percent} status="active" />
        </div>
      )}
      {state.step === 'processing' && (
        <div style={{ maxWidth: 520, marginTop: 16 }}>
          <Typography.Text>{t(`${ns}.processing`)}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      )}
      {state.step === 'done' && <Alert style={{ marginTop: 16 }} type="success" showIcon title={t(`${ns}.imported`, { count: state.imported })} />}
      {state.step === 'refused' && (
        <ImportErrors ns={ns} error={state.error} downloading={busy === 'report'} onReport={(url) => download('report', url, '导入错误报告.xlsx')} />
      )}
    </Card>
  );
}

function ImportErrors({ ns, error, downloading, onReport }: { ns: string; error: ImportRefused; downloading: boolean; onReport: (url: string) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        // The server's message says it all (failed, how many rows, nothing imported, fix and upload
        // again): shown as it is, never inside a second sentence saying the same.
        title={error.detail}
        action={
          error.reportUrl && (
            <Button size="small" danger icon={<DownloadOutlined />} loading={downloading} onClick={() => onReport(error.reportUrl!)}>
              {t(`${ns}.report`)}
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
          { title: t(`${ns}.row`), dataIndex: 'row', width: 80 },
          { title: t(`${ns}.column`), dataIndex: 'column', width: 180 },
          { title: t(`${ns}.message`), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
