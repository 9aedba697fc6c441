import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Form, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SpreadsheetImport, useDownload } from '../shared/spreadsheet-import';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { memberKeys } from './queries';

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

function ImportCard() {
  const queryClient = useQueryClient();
  return (
    <SpreadsheetImport
      ns="members.files"
      templateUrl="/api/members/import-template"
      templateName="会员名册导入模板.xlsx"
      importUrl="/api/members/import"
      onImported={() => queryClient.invalidateQueries({ queryKey: memberKeys.all })}
    />
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
