import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../shared/form-modal';

interface Props {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** Sends the reason; a refusal's message lands under the field. */
  submit: (reason: string) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}

/** Asks for the reason of a refusal (a join application, a transfer) that the worker will read. */
export function ReasonModal({ open, title, okText, submit, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal open={open} title={title} form={form} okText={okText} submit={(v) => submit(v.reason.trim())} onDone={onDone} onClose={onClose}>
      <Form.Item name="reason" label={t('members.reasonModal.label')} rules={[{ required: true, whitespace: true, message: t('members.reasonModal.required') }, { max: 200 }]}>
        <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('members.reasonModal.placeholder')} />
      </Form.Item>
    </FormModal>
  );
}
