import type { ConnectionState } from '../live/connection';
import { onLang, t, tFill } from '../i18n';
import { el } from './dom';
import { hourMinute as hhmm } from './format';

/**
 * The live link's state on every view: 已连接 / 正在重连 / 离线 自 HH:MM. A wall that
 * silently stopped updating would be worse than none, so this is never hidden.
 * data-testid="live-status" and data-state="connected|…" are stable for tests.
 */
export function liveBadge() {
  const text = el('span', { class: 'live-text' });
  const box = el('div', { class: 'live-status', 'data-testid': 'live-status', 'data-state': 'connecting', role: 'status' },
    el('span', { class: 'live-dot' }), text);
  let state: ConnectionState = 'connecting';
  let downSince: Date | null = null;
  const render = () => {
    box.dataset.state = state;
    box.title = t('liveTitle');
    text.textContent = state === 'offline' && downSince ? tFill('liveOffline', { time: hhmm(downSince) })
      : t(state === 'connected' ? 'liveConnected' : state === 'reconnecting' ? 'liveReconnecting' : 'liveConnecting');
  };
  onLang(render);
  return {
    element: box,
    set(next: ConnectionState, since: Date | null) {
      state = next;
      downSince = since;
      render();
    },
  };
}
