import type { Category, GridCollection } from '../api';
import { lang, onLang, t, tKey, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { categoryName } from './format';

// One grid's card (GET /api/grids/{code}): who works it and what is in it.
// `extra` (the grid's incidents) is kept at the bottom of the card across re-renders.
export function gridPanel(categories: Category[], onClose: () => void, extra?: HTMLElement) {
  const box = el('aside', { class: 'grid-panel', 'data-testid': 'grid-panel', hidden: '' });
  let current: GridCollection | null = null;

  const stat = (key: StringKey, value: number, testid: string) =>
    el('div', { class: 'kv' }, el('div', { class: 'kv-value', 'data-testid': testid }, fmt(value)), el('div', { class: 'kv-label' }, t(key)));

  function render() {
    if (!current) { box.hidden = true; return; }
    const g = current.grid;
    const hazards = current.features.filter((f) => f.properties.layer === 'hazard');
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', onClose);
    const worker = g.gridWorker
      ? el('div', { class: 'worker' },
          el('div', { class: 'worker-avatar' }, g.gridWorker.name.slice(0, 1)),
          el('div', {},
            el('div', { class: 'worker-name', 'data-testid': 'worker-name' }, g.gridWorker.name),
            el('div', { class: 'worker-role' }, t('gridWorker')),
            el('a', { class: 'worker-phone', href: `tel:${g.gridWorker.phone}`, 'data-testid': 'worker-phone' }, `☎ ${g.gridWorker.phone}`)))
      : el('div', { class: 'worker none', 'data-testid': 'worker-name' }, t('noWorker'));
    box.replaceChildren(...[
      el('div', { class: 'grid-panel-head' },
        el('span', { class: `status-badge ${g.status}` }, tKey('statusShort_', g.status)),
        el('div', {}, el('h2', { 'data-testid': 'grid-name' }, g.name),
          el('div', { class: 'crumbs' }, [g.street?.name, g.community?.name, `${tKey('kind_', g.kind)} ${g.code}`].filter(Boolean).join(' › '))),
        close),
      worker,
      el('div', { class: 'kv-grid' },
        stat('buildings', g.buildingCount, 'building-count'),
        stat('households', g.households, 'households'),
        stat('residents', g.residents, 'residents'),
        stat('hazards', g.hazardCount, 'hazard-count')),
      el('h3', {}, `${t('hazards')} (${g.openHazardCount} ${t('openHazards')} / ${g.hazardCount})`),
      hazards.length
        ? el('ul', { class: 'hazard-list', 'data-testid': 'hazard-list' }, ...hazards.map((h) => {
            const p = h.properties as Record<string, string>;
            return el('li', { class: `sev-${p.severity}` },
              el('span', { class: 'sev' }, tKey('severity_', p.severity)),
              el('span', { class: 'hz-name' }, lang() === 'en' ? categoryName(categories, p.category) : (p.categoryName || categoryName(categories, p.category))),
              el('span', { class: `hz-status ${p.status}` }, tKey('hazardStatus_', p.status)),
              el('span', { class: 'hz-code' }, p.code));
          }))
        : el('div', { class: 'muted' }, t('noHazards')),
      ...(extra ? [extra] : []),
    ]);
    box.hidden = false;
  }
  onLang(render);
  return {
    element: box,
    show(c: GridCollection) { current = c; render(); },
    hide() { current = null; render(); },
  };
}
