import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSession } from '../session';
import '../members/texts';

type Field = 'username' | 'password';

/** Only paths inside the portal are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * A plain form rather than antd-mobile's Form: two inputs do not need a form library, and the
 * portal's first load must stay under 150 KB.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, logIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    for (const field of ['username', 'password'] as const) {
      if (!values[field].trim()) missing[field] = t('login.required', { field: t(`login.${field}`) });
    }
    setFieldErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await logIn(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError) {
        setFieldErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
        setFailure(error.detail);
      } else {
        setFailure(String(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, type: 'text' | 'password', placeholder: string, autoComplete: string) => (
    <div className="gh-field">
      <label htmlFor={`login-${name}`}>{t(`login.${name}`)}</label>
      <Input
        id={`login-${name}`}
        type={type}
        value={values[name]}
        onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
        placeholder={placeholder}
        aria-label={t(`login.${name}`)}
        aria-invalid={fieldErrors[name] ? true : undefined}
        autoComplete={autoComplete}
        clearable={type === 'text'}
      />
      {fieldErrors[name] && <div className="gh-field-error">{fieldErrors[name]}</div>}
    </div>
  );

  return (
    <div className="gh-login">
      <div className="gh-login-head">
        <svg width="52" height="52" viewBox="0 0 64 64" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="#fff" />
          <path d="M16 18h32v6H35v16h15v6H14v-6h15V24H16z" fill="#c8161d" />
        </svg>
        <h1>{t('portal')}</h1>
        <p>{t('portalSub')}</p>
      </div>
      <form className="gh-login-card" onSubmit={submit} noValidate>
        <h2>{t('login.title')}</h2>
        {failure && (
          <div role="alert" className="gh-alert">
            {failure}
          </div>
        )}
        {field('username', 'text', t('login.usernamePlaceholder'), 'username')}
        {field('password', 'password', t('login.passwordPlaceholder'), 'current-password')}
        <Button block type="submit" color="primary" size="large" loading={busy} style={{ marginTop: 20 }}>
          {t('login.submit')}
        </Button>
      </form>
      <p className="gh-footnote">
        {t('members.signup.noAccount')} <Link to="/signup">{t('members.signup.signup')}</Link>
      </p>
      <p className="gh-footnote">
        {t('login.cadreHint')} <a href="/">{t('login.cadreLink')}</a>
      </p>
    </div>
  );
}
