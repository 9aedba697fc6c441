import { Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { ApiError } from '../../api/client';

/**
 * Shows a refused request where the member will look: field messages under the form's own
 * inputs (`rename` maps an API field to the form's name for it), anything else as a toast.
 */
export function showErrors(form: FormInstance, error: unknown, fields: readonly string[], rename: Record<string, string> = {}): void {
  const errors = error instanceof ApiError ? error.errors.map((e) => ({ field: rename[e.field] ?? e.field, message: e.message })) : [];
  const placed = errors.filter((e) => fields.includes(e.field));
  if (placed.length) form.setFields(placed.map((e) => ({ name: e.field, errors: [e.message] })));
  const rest = errors.filter((e) => !fields.includes(e.field)).map((e) => e.message);
  if (!placed.length || rest.length) {
    const detail = error instanceof Error ? error.message : String(error);
    Toast.show({ icon: 'fail', content: [detail, ...rest].join('；') });
  }
}
