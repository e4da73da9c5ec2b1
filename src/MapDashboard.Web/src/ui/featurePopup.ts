import Overlay from 'ol/Overlay';
import type Map from 'ol/Map';
import type { Coordinate } from 'ol/coordinate';
import type { Category } from '../api';
import { onLang, t, tKey, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { categoryName } from './format';

type Props = Record<string, unknown>;
const yesNo = (v: unknown) => v === true || v === 'true';

// A map popup with one building's or hazard's properties (from the vector tile).
export function featurePopup(map: Map, categories: Category[]) {
  const box = el('div', { class: 'popup', 'data-testid': 'feature-popup' });
  const overlay = new Overlay({ element: box, positioning: 'bottom-center', offset: [0, -12], stopEvent: true, autoPan: { margin: 40 } });
  map.addOverlay(overlay);
  let shown: { kind: 'building' | 'hazard'; p: Props } | null = null;

  const row = (key: StringKey, value: string) => el('tr', {}, el('th', {}, t(key)), el('td', {}, value));
  function render() {
    if (!shown) return;
    const { kind, p } = shown;
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', hide);
    const rows = kind === 'building'
      ? [
          row('code', String(p.code ?? '')),
          row('households', fmt(Number(p.households ?? 0))),
          row('residents', fmt(Number(p.residents ?? 0))),
          row('owner', yesNo(p.ownerless) || !p.owner ? `⚠ ${t('ownerless')}` : String(p.owner)),
          row('manager', p.manager ? String(p.manager) : t('none')),
          ...(yesNo(p.disputed) ? [row('disputed', t('yes'))] : []),
        ]
      : [
          row('code', String(p.code ?? '')),
          row('severity', tKey('severity_', String(p.severity))),
          row('status', tKey('hazardStatus_', String(p.status))),
          row('owner', yesNo(p.ownerless) ? `⚠ ${t('ownerless')}` : '—'),
        ];
    const title = kind === 'building' ? String(p.name ?? t('building')) : categoryName(categories, String(p.category));
    box.replaceChildren(el('div', { class: 'popup-head' }, el('strong', {}, title), close),
      el('table', {}, ...rows));
  }
  onLang(render);

  function hide() { shown = null; overlay.setPosition(undefined); }
  return {
    show(kind: 'building' | 'hazard', p: Props, at: Coordinate) { shown = { kind, p }; render(); overlay.setPosition(at); },
    hide,
  };
}
