import { lang, onLang, setLang, t } from '../i18n';
import { el } from './dom';

// Visible on every view: the button shows the language you would switch TO.
export function langSwitch(): HTMLButtonElement {
  const b = el('button', { class: 'lang-switch', type: 'button', 'data-testid': 'lang-switch' });
  onLang(() => {
    b.textContent = t('langSwitch');
    b.title = t('langSwitchTitle');
  });
  b.addEventListener('click', () => setLang(lang() === 'en' ? 'zh-CN' : 'en'));
  return b;
}
