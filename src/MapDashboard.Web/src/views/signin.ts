import { signIn } from '../auth';
import { onLang, t, tFill, text } from '../i18n';
import { el } from '../ui/dom';
import { langSwitch } from '../ui/langSwitch';

// /signin: the one page open without an account. It posts to /api/auth/signin (which sets the
// session cookie) and goes on to the page asked for (?returnUrl=) or the role's view.
export async function signinView(root: HTMLElement): Promise<void> {
  document.body.classList.add('view-signin');
  const returnUrl = new URLSearchParams(location.search).get('returnUrl');
  const userName = el('input', { name: 'userName', autocomplete: 'username', required: '', 'data-testid': 'signin-user' });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: '', 'data-testid': 'signin-password' });
  const submit = el('button', { type: 'submit', class: 'signin-submit', 'data-testid': 'signin-submit' });
  const message = el('p', { class: 'signin-message', role: 'alert', 'data-testid': 'signin-message' });
  const title = el('h1', { class: 'signin-title' });
  const userLabel = text('span', 'signInUser');
  const passwordLabel = text('span', 'signInPassword');
  let shown: (() => string) | null = null;
  onLang(() => {
    title.textContent = t('signInTitle');
    submit.textContent = t('signInSubmit');
    document.title = `${t('appTitle')} · ${t('signInTitle')}`;
    message.textContent = shown ? shown() : '';
  });
  const show = (m: (() => string) | null) => { shown = m; message.textContent = m ? m() : ''; };

  const form = el('form', { class: 'signin-form', method: 'post', action: '/api/auth/signin' },
    title,
    el('label', {}, userLabel, userName),
    el('label', {}, passwordLabel, password),
    submit, message);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    show(null);
    void signIn(userName.value.trim(), password.value, returnUrl).then((outcome) => {
      if (outcome.ok) { location.assign(outcome.landsOn); return; }
      submit.disabled = false;
      password.value = '';
      if (outcome.reason === 'wrong') show(() => t('signInWrong'));
      else if (outcome.reason === 'locked') show(() => tFill('signInLocked', { minutes: outcome.minutes ?? 15 }));
      else if (outcome.reason === 'tooMany') show(() => tFill('signInTooMany', { minutes: outcome.minutes ?? 1 }));
      else show(() => `${t('signInFailed')}: ${outcome.detail ?? ''}`);
    }).catch((err: unknown) => {
      submit.disabled = false;
      show(() => `${t('signInFailed')}: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  root.append(el('main', { class: 'signin' }, el('div', { class: 'signin-bar' }, el('div', { class: 'logo' }), langSwitch()), form));
  userName.focus();
}
