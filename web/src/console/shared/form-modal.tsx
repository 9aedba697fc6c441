import type { ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportError } from './errors';

interface Props<V, R> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Sends the form; a refusal's field messages land under the matching inputs. */
  submit: (values: V) => Promise<R>;
  onDone: (result: R, values: V) => void;
  onClose: () => void;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/** A modal holding one form: submit on OK, errors under the fields, closes on success. */
export function FormModal<V extends object, R>({ open, title, form, initialValues, submit, onDone, onClose, okText, width, children }: Props<V, R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result, values) => {
      onDone(result, values);
      onClose();
    },
    onError: (error) => reportError(message, error, form),
  });

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('action.save')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {/* Mounted afresh on every opening (preserve=false), so it starts from initialValues each time. */}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={(values) => mutation.mutate(values)} style={{ marginTop: 16 }}>
        {children}
      </Form>
    </Modal>
  );
}
