import type { TFunction } from 'i18next';
import { api, setCsrfToken, unwrap } from '../api/client';

/** The fields of the change-password form, in the console's dialog and on the portal's page. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes one's own password: the server ends every other session and gives this one a new CSRF token. */
export async function changeOwnPassword({ currentPassword, newPassword }: PasswordChange): Promise<void> {
  const answer = await unwrap(api.POST('/api/me/password', { body: { currentPassword, newPassword } }));
  setCsrfToken(answer.csrfToken);
}

/** The confirm field's rule (antd and antd-mobile forms alike): the same as the new password. */
export function matchesNewPassword(t: TFunction) {
  return ({ getFieldValue }: { getFieldValue: (name: 'newPassword') => unknown }) => ({
    validator: (_: unknown, value: unknown) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
  });
}
