import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Button, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken, unwrap } from '../../api/client';
import { useSession } from '../session';
import './texts';

type Field = 'phone' | 'code' | 'password';

const RESEND_SECONDS = 60;
const PHONE = /^1[3-9]\d{9}$/;

/**
 * 注册: a worker's own account from a phone number, proven by an SMS code; logs them in. A plain
 * form like the login page: a worker may arrive here first, so it stays inside the 150 KB budget.
 */
export function SignupPage() {
  const { t } = useTranslation();
  const { me, reload } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ phone: '', code: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  if (me) return <Navigate to="/join" replace />;

  const refused = (error: unknown) => {
    if (error instanceof ApiError) {
      const placed = error.errors.filter((e) => e.field in values);
      setFieldErrors(Object.fromEntries(placed.map((e) => [e.field, e.message])));
      setFailure(placed.length ? null : error.detail);
    } else {
      setFailure(String(error));
    }
  };

  const sendCode = async () => {
    const phone = values.phone.trim();
    setFailure(null);
    if (!PHONE.test(phone)) {
      setFieldErrors({ phone: t('members.signup.phoneInvalid') });
      return;
    }
    setFieldErrors({});
    setSending(true);
    try {
      await unwrap(api.POST('/api/auth/sms-codes', { body: { phone, purpose: 'signup' } }));
      setSent(true);
      setWait(RESEND_SECONDS);
    } catch (error) {
      refused(error);
    } finally {
      setSending(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!PHONE.test(values.phone.trim())) problems.phone = t('members.signup.phoneInvalid');
    if (!/^\d{6}$/.test(values.code.trim())) problems.code = t('members.signup.codeInvalid');
    if (!values.password) problems.password = t('members.signup.passwordRequired');
    setFieldErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const answer = await unwrap(api.POST('/api/auth/signup', { body: { phone: values.phone.trim(), code: values.code.trim(), password: values.password } }));
      setCsrfToken(answer.csrfToken);
      await reload();
      navigate('/join', { replace: true });
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, input: ReactNode, extra?: ReactNode) => (
    <div className="gh-field">
      <label htmlFor={`signup-${name}`}>{t(`members.signup.${name}`)}</label>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
        {extra}
      </div>
      {fieldErrors[name] && <div className="gh-field-error">{fieldErrors[name]}</div>}
    </div>
  );
  const inputProps = (name: Field) => ({
    id: `signup-${name}`,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    'aria-invalid': fieldErrors[name] ? true : undefined,
  });

  return (
    <div className="gh-login">
      <div className="gh-login-head">
        <h1>{t('portal')}</h1>
        <p>{t('members.signup.intro')}</p>
      </div>
      <form className="gh-login-card" onSubmit={submit} noValidate>
        <h2>{t('members.signup.title')}</h2>
        {failure && (
          <div role="alert" className="gh-alert">
            {failure}
          </div>
        )}
        {field('phone', <Input {...inputProps('phone')} type="tel" inputMode="numeric" maxLength={11} placeholder={t('members.signup.phonePlaceholder')} autoComplete="tel" clearable />)}
        {field(
          'code',
          <Input {...inputProps('code')} inputMode="numeric" maxLength={6} placeholder={t('members.signup.codePlaceholder')} autoComplete="one-time-code" />,
          <Button size="small" color="primary" fill="outline" loading={sending} disabled={wait > 0} onClick={sendCode} style={{ flex: 'none' }}>
            {wait > 0 ? t('members.signup.resend', { seconds: wait }) : t('members.signup.sendCode')}
          </Button>,
        )}
        {sent && <div className="gh-note" style={{ margin: '6px 0 0' }}>{t('members.signup.codeSent')}</div>}
        {field('password', <Input {...inputProps('password')} type="password" placeholder={t('members.signup.passwordPlaceholder')} autoComplete="new-password" />)}
        <Button block type="submit" color="primary" size="large" loading={busy} style={{ marginTop: 20 }}>
          {t('members.signup.submit')}
        </Button>
      </form>
      <p className="gh-footnote">
        {t('members.signup.haveAccount')} <Link to="/login">{t('members.signup.login')}</Link>
      </p>
    </div>
  );
}
