import { useState } from 'react';
import { Card, Flex, Form, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../shared/export-button';
import { SpreadsheetImport } from '../shared/spreadsheet-import';
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
      <ExportCard />
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

/** The roll of one org (with everything under it), through the export every list has. */
function ExportCard() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number>();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('members.files.exportTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('members.files.exportIntro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        <Form.Item label={t('members.files.exportOrg')}>
          <OrgTreeSelect allowClear includeClosed value={orgId} onChange={setOrgId} placeholder={t('members.allOrgs')} />
        </Form.Item>
        <ExportButton url="/api/members/export" filters={{ orgId }} pii />
      </Form>
    </Card>
  );
}
