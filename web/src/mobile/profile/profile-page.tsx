import { useNavigate } from 'react-router';
import { Button, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../i18n';
import { grantLabel } from '../../ui/orgs';
import { useMember, useSession } from '../session';
import { useMyMembership } from '../members/use-membership';
import '../members/texts';

/** 我的: who I am, my union, password and logout. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const me = useMember();
  const { logOut } = useSession();
  const navigate = useNavigate();
  // Membership is the member record linked to the account; the name shown is its real name.
  const { membership } = useMyMembership(me.member !== null);
  const name = me.member ? membership?.name : me.displayName;
  const otherRoles = me.grants.filter((g) => g.role !== 'member');
  const english = i18n.language === 'en';

  // No confirmation dialog: logging out is undone by logging in, and the dialog costs the page its size budget.
  const onLogout = async () => {
    await logOut();
    Toast.show({ content: t('me.loggedOut') });
    navigate('/login', { replace: true });
  };

  return (
    <>
      <header className="gh-hero" style={{ paddingBottom: 28 }}>
        <div className="gh-profile">
          <div className="gh-avatar" aria-hidden="true">
            {name?.slice(-2)}
          </div>
          <div>
            <h1>{name ?? '\u00a0'}</h1>
            <p>{me.phone ?? t('me.noPhone')}</p>
          </div>
        </div>
      </header>
      <List header={t('me.account')} style={{ marginTop: 12 }}>
        <List.Item extra={me.phone ?? t('me.noPhone')}>{t('me.phone')}</List.Item>
        <List.Item extra={me.username}>{t('login.username')}</List.Item>
        {me.member ? (
          <>
            <List.Item extra={me.member.orgName}>{t('me.union')}</List.Item>
            <List.Item extra={me.member.memberNo} onClick={() => navigate('/card')}>
              {t('members.card.memberNo')}
            </List.Item>
            <List.Item extra={t(`memberStatus.${me.member.status}`)}>{t('members.card.status')}</List.Item>
          </>
        ) : (
          <List.Item extra={t('me.noUnion')} onClick={() => navigate('/join')}>
            {t('me.union')}
          </List.Item>
        )}
        {otherRoles.map((g) => (
          <List.Item key={g.id} extra={grantLabel(t, g)}>
            {t(`role.${g.role}`)}
          </List.Item>
        ))}
      </List>
      <List style={{ marginTop: 12 }}>
        <List.Item onClick={() => navigate('/me/password')}>{t('me.changePassword')}</List.Item>
        <List.Item extra={english ? t('language.en') : t('language.zh')} onClick={() => switchLanguage(english ? 'zh' : 'en')}>
          {t('me.language')}
        </List.Item>
      </List>
      <div style={{ padding: '24px 12px' }}>
        <Button block color="danger" fill="outline" size="large" onClick={onLogout}>
          {t('me.logout')}
        </Button>
      </div>
    </>
  );
}
