import { App, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { FederationLevel, JointBasis, OrgDetail, OrgKind } from '../../api/types';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { jointBases, type ChildChoice } from './org-rules';

interface CreateValues {
  name: string;
  kind: OrgKind;
  level?: FederationLevel;
  basis?: JointBasis;
  region?: string;
}

interface CreateProps {
  open: boolean;
  parent: OrgDetail;
  choices: ChildChoice[];
  onClose: () => void;
  onDone: () => void;
}

/** 新建下级组织: kind limited to what may sit under the parent; level for a federation, basis for a joint union. */
export function CreateOrgModal({ open, parent, choices, onClose, onDone }: CreateProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form);
  const kinds = [...new Set(choices.map((c) => c.kind))];
  const levels = choices.filter((c) => c.kind === 'federation' && c.level).map((c) => c.level!);

  return (
    <FormModal
      open={open}
      title={t('orgs.createTitle', { parent: parent.name })}
      okText={t('action.create')}
      form={form}
      initialValues={{ kind: kinds[0], level: levels[0] }}
      submit={(v) =>
        unwrap(
          api.POST('/api/orgs', {
            body: {
              name: v.name,
              kind: v.kind,
              parentId: parent.id,
              level: v.kind === 'federation' ? v.level : undefined,
              basis: v.kind === 'joint_union' ? v.basis : undefined,
              region: v.region || undefined,
            },
          }),
        )
      }
      onDone={(org) => {
        message.success(t('orgs.created', { name: org.name }));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('orgs.field.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
      </Form.Item>
      {kind === 'federation' && (
        <Form.Item name="level" label={t('orgs.field.level')} rules={[{ required: true }]}>
          <Select options={levels.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
      )}
      {kind === 'joint_union' && (
        <Form.Item name="basis" label={t('orgs.field.basis')} rules={[{ required: true }]}>
          <Select options={jointBases.map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('orgs.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('orgs.placeholder.name')} maxLength={100} />
      </Form.Item>
      <Form.Item name="region" label={t('orgs.field.region')}>
        <Input placeholder={t('orgs.placeholder.region')} maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  name: string;
  region?: string;
  basis?: JointBasis;
}

/** 重命名: name, place, and a joint union's basis. */
export function EditOrgModal({ open, org, onClose, onDone }: { open: boolean; org: OrgDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  return (
    <FormModal
      open={open}
      title={t('orgs.renameTitle')}
      form={form}
      initialValues={{ name: org.name, region: org.region ?? undefined, basis: org.basis ?? undefined }}
      submit={(v) =>
        unwrap(
          api.PATCH('/api/orgs/{id}', {
            params: { path: { id: org.id } },
            body: { name: v.name, region: v.region || null, ...(org.kind === 'joint_union' && v.basis ? { basis: v.basis } : {}) },
          }),
        )
      }
      onDone={() => {
        message.success(t('orgs.saved'));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('orgs.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      {org.kind === 'joint_union' && (
        <Form.Item name="basis" label={t('orgs.field.basis')} rules={[{ required: true }]}>
          <Select options={jointBases.map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="region" label={t('orgs.field.region')}>
        <Input placeholder={t('orgs.placeholder.region')} maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

/** 移动: the whole subtree goes under a new parent; the server refuses a cycle or a wrong kind of parent. */
export function MoveOrgModal({ open, org, onClose, onDone }: { open: boolean; org: OrgDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: number }>();
  return (
    <FormModal
      open={open}
      title={t('orgs.moveTitle', { name: org.name })}
      okText={t('orgs.move')}
      form={form}
      submit={(v) => unwrap(api.POST('/api/orgs/{id}/move', { params: { path: { id: org.id } }, body: { parentId: v.parentId } }))}
      onDone={() => {
        message.success(t('orgs.moved'));
        onDone();
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('orgs.moveHint')}</Typography.Paragraph>
      <Form.Item name="parentId" label={t('orgs.field.newParent')} rules={[{ required: true }]}>
        <OrgTreeSelect exclude={org.id} placeholder={t('orgs.placeholder.parent')} />
      </Form.Item>
    </FormModal>
  );
}
