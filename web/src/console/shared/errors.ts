import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../../api/client';

/**
 * Shows a refused request where the user will look: each field message from a 422 under its
 * Form.Item (matched by name; a nested name such as `sessions.0.endsAt` finds the Form.List's
 * `['sessions', 0, 'endsAt']`), anything else as one message at the top of the page.
 */
export function reportError(message: MessageInstance, error: unknown, form?: FormInstance): void {
  if (!(error instanceof ApiError)) {
    message.error(error instanceof Error ? error.message : String(error));
    return;
  }
  // The form's own name paths (list indexes are numbers there), by their dotted form.
  const known = new Map(form ? form.getFieldsError().map((f) => [f.name.join('.'), f.name] as const) : []);
  const placed = error.errors.filter((e) => known.has(e.field));
  const unplaced = error.errors.filter((e) => !known.has(e.field));
  if (form && placed.length) {
    const byField = new Map<string, string[]>();
    for (const e of placed) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
    form.setFields([...byField].map(([field, errors]) => ({ name: known.get(field)!, errors })));
  }
  if (unplaced.length) message.error([error.detail, ...unplaced.map((e) => e.message)].join('；'));
  else if (!placed.length) message.error(error.detail);
}
