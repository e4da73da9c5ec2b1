import { lang, onLang } from '../i18n';
import { el } from './dom';

// The wall shows the time so staff can tell at a glance the screen is live, not frozen.
export function clock(): HTMLElement {
  const date = el('div', { class: 'clock-date' });
  const time = el('div', { class: 'clock-time', 'data-testid': 'clock' });
  const tick = () => {
    const now = new Date();
    time.textContent = now.toLocaleTimeString('zh-CN', { hour12: false });
    date.textContent = now.toLocaleDateString(lang(), { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  };
  onLang(tick);
  setInterval(tick, 1000);
  return el('div', { class: 'clock' }, time, date);
}
