import { me, signOut, type Me } from '../auth';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';

// "Signed in as … · Sign out", on every view. The name is filled in once /api/auth/me answers.
export function accountControl(): HTMLElement {
  const who = el('span', { class: 'account-name', 'data-testid': 'account-name' });
  const out = el('button', { class: 'account-signout', type: 'button', 'data-testid': 'sign-out' });
  let account: Me | null = null;
  const render = () => {
    out.textContent = t('signOut');
    who.textContent = account ? `${t('signedInAs')} ${account.displayName} · ${tKey('role_', account.role)}` : '';
    who.title = account ? `${account.userName} · ${account.unit.name}` : '';
  };
  onLang(render);
  void me().then((m) => { account = m; render(); }).catch(() => { /* a 401 already sends the page to /signin */ });
  out.addEventListener('click', () => void signOut());
  return el('div', { class: 'account', 'data-testid': 'account' }, who, out);
}
