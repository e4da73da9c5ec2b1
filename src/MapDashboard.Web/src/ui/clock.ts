import { lang, onLang } from '../i18n';
import { districtTimeZone } from '../timeZone';
import { el } from './dom';

// The wall shows the time so staff can tell at a glance the screen is live, not frozen: the district's time
// (Asia/Shanghai), whatever time zone the wall's PC is set to.
export function clock(): HTMLElement {
  const date = el('div', { class: 'clock-date' });
  const time = el('div', { class: 'clock-time', 'data-testid': 'clock' });
  const tick = () => {
    const now = new Date();
    const timeZone = districtTimeZone();
    time.textContent = now.toLocaleTimeString('zh-CN', { hour12: false, timeZone });
    date.textContent = now.toLocaleDateString(lang(), { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone });
  };
  onLang(tick);
  setInterval(tick, 1000);
  return el('div', { class: 'clock' }, time, date);
}
