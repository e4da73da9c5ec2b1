import { onLang, tFill } from '../i18n';
import { districtTimeZone } from '../timeZone';
import { el } from './dom';

/**
 * Silence this long from the server's live feed means the wall shows old data. The feed sends a heartbeat every
 * 10 s (Live:HeartbeatSeconds) even when nothing changes, so three missed beats are no blip; the link badge can
 * still read "connected" (the hub answers while the database behind it does not), so only the beats tell.
 */
export const STALE_AFTER_MS = 30_000;
const CHECK_MS = 1_000;

const clockTime = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: districtTimeZone() });

/**
 * The wall's stale-data banner: across the top, in the alarm colour, "数据已停止更新 · 最后心跳 HH:MM:SS" (the
 * district's time) once no heartbeat has come for STALE_AFTER_MS; gone with the next one. `heard()` is told of every
 * heartbeat, change batch and successful subscribe. data-testid="stale-banner", data-stale="true|false" for tests.
 */
export function staleBanner() {
  const box = el('div', { class: 'stale-banner', 'data-testid': 'stale-banner', 'data-stale': 'false', role: 'alert', hidden: '' });
  let last = new Date();
  let stale = false;
  const render = () => {
    box.dataset.stale = String(stale);
    box.hidden = !stale;
    box.textContent = stale ? tFill('staleBanner', { time: clockTime(last) }) : '';
  };
  const check = () => {
    const now = Date.now() - last.getTime() >= STALE_AFTER_MS;
    if (now !== stale) { stale = now; render(); }
  };
  setInterval(check, CHECK_MS);
  onLang(render);
  return {
    element: box,
    heard() {
      last = new Date();
      check();
    },
    /** For the test hook: whether it shows, and the time of the last heartbeat (ISO). */
    state: () => ({ stale, lastHeartbeat: last.toISOString() }),
  };
}
