import { useState, type ReactNode } from 'react';
import { App, Button, Form, Input, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from './form-modal';

interface Props {
  /** The button's text, and the dialog's OK button's. */
  label: string;
  /** The dialog's title, naming what is refused. */
  title: ReactNode;
  /** Sends the reason; a refusal's message lands under the field. */
  submit: (reason: string) => Promise<unknown>;
  /** Said once the server took it. */
  done: string;
  /** Then, e.g. refresh the list. */
  onDone: () => void;
  /** The button's look; a link, as in a table's action column, unless said. */
  button?: Pick<ButtonProps, 'type' | 'size'>;
}

/**
 * Refusing with a reason the worker will read (a join application, a transfer, a contest entry): a
 * danger button that opens a dialog asking for the reason, then sends it.
 */
export function ReasonAction({ label, title, submit, done, onDone, button = { type: 'link' } }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Button {...button} danger onClick={() => setOpen(true)}>
        {label}
      </Button>
      <FormModal
        open={open}
        title={title}
        form={form}
        okText={label}
        submit={(v) => submit(v.reason.trim())}
        onDone={() => {
          message.success(done);
          onDone();
        }}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="reason" label={t('reason.label')} rules={[{ required: true, whitespace: true, message: t('reason.required') }, { max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('reason.placeholder')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
