import type { Category, GridCollection } from '../api';
import { lang, onLang, t, tKey, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { categoryName } from './format';
import { reasonList } from './gridReasons';

/**
 * Asking for the grid worker's personal data unmasked: offered (`canReveal`) to the roles that may reveal; `toggle`
 * re-fetches the card revealed (true) or masked again (false).
 */
export interface RevealControl { canReveal: () => boolean; toggle: (reveal: boolean) => Promise<void> }

// One grid's card (GET /api/grids/{code}): why it has its colour (the rule's reasons, worded from codes), who works it
// and what is in it.
// `extra` (the grid's incidents) is kept at the bottom of the card across re-renders.
// The worker's name and phone come masked (张**, 138****7010); an entitled account may reveal them for this card
// (data-testid reveal-toggle, with a note that viewing is audited). Outside the account's jurisdiction the server
// removes them: the card says there is nothing to reveal (data-testid reveal-none) instead of offering the button.
export function gridPanel(categories: Category[], onClose: () => void, extra?: HTMLElement, reveal?: RevealControl) {
  const box = el('aside', { class: 'grid-panel', 'data-testid': 'grid-panel', hidden: '' });
  let current: GridCollection | null = null;
  let revealed = false;
  let revealFailed = false;
  let busy = false;

  function revealRow(worker: NonNullable<GridCollection['grid']['gridWorker']>): HTMLElement | null {
    if (!reveal?.canReveal()) return null;
    if (worker.name === undefined && worker.phone === undefined)
      return el('div', { class: 'reveal-row none muted small', 'data-testid': 'reveal-none' }, t('revealNone'));
    const button = el('button', { class: `btn reveal-toggle${revealed ? ' on' : ''}`, type: 'button', 'data-testid': 'reveal-toggle',
      'aria-pressed': String(revealed) }, t(revealed ? 'revealHide' : 'revealShow'));
    if (busy) button.setAttribute('disabled', '');
    button.addEventListener('click', () => {
      busy = true;
      revealFailed = false;
      render();
      reveal.toggle(!revealed).catch((e) => { console.error(e); revealFailed = true; }).finally(() => { busy = false; render(); });
    });
    return el('div', { class: 'reveal-row', 'data-testid': 'reveal-row' },
      button,
      el('span', { class: 'reveal-note', 'data-testid': 'reveal-note' }, t('revealAudited')),
      revealed ? el('span', { class: 'reveal-shown', 'data-testid': 'reveal-shown' }, t('revealShown')) : null,
      revealFailed ? el('div', { class: 'error small', 'data-testid': 'reveal-error' }, t('revealFailed')) : null);
  }

  const stat = (key: StringKey, value: number, testid: string) =>
    el('div', { class: 'kv' }, el('div', { class: 'kv-value', 'data-testid': testid }, fmt(value)), el('div', { class: 'kv-label' }, t(key)));

  function render() {
    if (!current) { box.hidden = true; return; }
    const g = current.grid;
    const hazards = current.features.filter((f) => f.properties.layer === 'hazard');
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', onClose);
    const w = g.gridWorker;
    // A masked phone is no number to dial: only a revealed one is a tel: link.
    const phone = w?.phone === undefined ? null
      : w.phone.includes('*') ? el('span', { class: 'worker-phone', 'data-testid': 'worker-phone' }, `☎ ${w.phone}`)
      : el('a', { class: 'worker-phone', href: `tel:${w.phone}`, 'data-testid': 'worker-phone' }, `☎ ${w.phone}`);
    const worker = w
      ? el('div', { class: `worker${revealed ? ' revealed' : ''}` },
          el('div', { class: 'worker-avatar' }, (w.name ?? '?').slice(0, 1)),
          el('div', {},
            el('div', { class: 'worker-name', 'data-testid': 'worker-name' }, w.name ?? '—'),
            el('div', { class: 'worker-role' }, t('gridWorker')),
            phone),
          revealRow(w))
      : el('div', { class: 'worker none', 'data-testid': 'worker-name' }, t('noWorker'));
    box.replaceChildren(...[
      el('div', { class: 'grid-panel-head' },
        el('span', { class: `status-badge ${g.status}` }, tKey('statusShort_', g.status)),
        el('div', {}, el('h2', { 'data-testid': 'grid-name' }, g.name),
          el('div', { class: 'crumbs' }, [g.street?.name, g.community?.name, `${tKey('kind_', g.kind)} ${g.code}`].filter(Boolean).join(' › '))),
        close),
      el('div', { class: 'grid-reasons-box' }, el('div', { class: 'small muted' }, t('gridReasonsTitle')), reasonList(g.reasons ?? [])),
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
    /** Shows a grid's card; `isRevealed`: the answer was asked for with ?reveal=true. */
    show(c: GridCollection, isRevealed = false) {
      if (c.grid.code !== current?.grid.code) revealFailed = false;
      current = c;
      revealed = isRevealed;
      render();
    },
    hide() { current = null; revealed = false; revealFailed = false; render(); },
  };
}
