import Overlay from 'ol/Overlay';
import type OlMap from 'ol/Map';
import type { Coordinate } from 'ol/coordinate';
import type { Pixel } from 'ol/pixel';
import { api, type Finding, type FindingHistoryEntry } from '../api';
import { lang, onLang, t, tKey } from '../i18n';
import { el, fmt } from './dom';
import { dateTime } from './format';
import { errorText } from './errorText';
import { findingHistoryLine } from './historyText';
import { fixText } from './findingText';

/** The popup shows the latest history lines (a closed case that left the finding open among them). */
const HISTORY_LINES = 4;

/** The id of the ownership-unclear finding drawn at a map pixel (tile or live copy), or null. */
export function findingAt(map: OlMap, pixel: Pixel): number | null {
  let id: number | null = null;
  map.forEachFeatureAtPixel(pixel, (f) => { id = Number(f.getId()); return true; }, {
    hitTolerance: 4,
    layerFilter: (l) => l.get('name') === 'findings' || l.get('overlayOf') === 'findings',
  });
  return id;
}

/**
 * A map popup explaining one finding in plain words, as GET /api/findings/{id} states it
 * (explanation zh/en, kind, area, default owner, status, the suggested fix: data-testid="finding-fix"). data-testid="finding-popup";
 * the explanation is data-testid="finding-explanation". Where people act (not on the untouched
 * wall), `canOpenCase` adds 立案派单: the finding becomes an incident dispatched to its default
 * owner (data-testid="open-case"); a finding with a case names it (data-testid="finding-case"). The latest
 * history lines, worded from codes in the reader's language, are data-testid="finding-history".
 */
export function findingPopup(map: OlMap, theme: 'dark' | 'light', { canOpenCase = false } = {}) {
  const box = el('div', { class: `popup finding-popup ${theme}`, 'data-testid': 'finding-popup' });
  const overlay = new Overlay({ element: box, positioning: 'bottom-center', offset: [0, -10], stopEvent: true, autoPan: { margin: 40 } });
  map.addOverlay(overlay);
  let shown: (Finding & { history?: FindingHistoryEntry[] }) | null = null;
  let asked = 0;

  function render() {
    if (!shown) return;
    const p = shown.properties;
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', hide);
    const size = p.areaM2 != null && p.areaM2 > 0 ? `${fmt(Math.round(p.areaM2))} ${t('squareMetres')}` : null;
    box.replaceChildren(
      el('div', { class: 'popup-head' },
        el('span', { class: 'hatch-chip' }),
        el('strong', {}, `${t('ownershipUnclear')} · ${tKey('findingKind_', p.kind)}`), close),
      el('p', { class: 'explanation', 'data-testid': 'finding-explanation' }, lang() === 'en' ? p.explanation.en : p.explanation.zh),
      el('div', { class: 'finding-meta' },
        [size, p.defaultOwner ? `${t('defaultOwner')}: ${p.defaultOwner.name}` : null, tKey('findingStatus_', p.status)]
          .filter(Boolean).join(' · ')));
    const fix = fixText(p);
    if (fix) box.append(el('div', { class: 'finding-fix', 'data-testid': 'finding-fix' }, el('strong', {}, t('suggestedFix')), fix));
    const action = caseLine(p);
    if (action) box.append(action);
    const lines = (shown.history ?? []).slice(-HISTORY_LINES);
    if (lines.length) box.append(el('ol', { class: 'history finding-history', 'data-testid': 'finding-history' },
      ...lines.map((h) => el('li', {}, el('span', { class: 'h-at' }, dateTime(h.at)), findingHistoryLine(h)))));
  }

  let failure = '';
  function caseLine(p: Finding['properties']): HTMLElement | null {
    if (p.caseIncidentCode) return el('div', { class: 'finding-case', 'data-testid': 'finding-case' }, `${t('caseOpened')} ${p.caseIncidentCode}`);
    if (!canOpenCase || !['new', 'assigned'].includes(p.status)) return null;
    const open = el('button', { class: 'btn primary', type: 'button', 'data-testid': 'open-case' }, t('openCase'));
    open.addEventListener('click', async () => {
      const id = shown!.id;
      open.setAttribute('disabled', '');
      try {
        const opened = await api.openFindingCase(id);
        if (shown?.id === id) shown = opened;
        failure = '';
      } catch (e) {
        failure = errorText(e, { 409: 'errCaseConflict' });
      }
      render();
    });
    return el('div', { class: 'finding-actions' }, open, failure ? el('div', { class: 'error small' }, failure) : null);
  }
  onLang(render);

  function hide() { shown = null; failure = ''; asked++; overlay.setPosition(undefined); }
  return {
    /** Fetches the finding and shows it at `at`; a later call wins over a slower earlier one. */
    async show(id: number, at: Coordinate) {
      const mine = ++asked;
      let finding: Finding & { history?: FindingHistoryEntry[] };
      try {
        finding = await api.finding(id);
      } catch (e) {
        if (mine !== asked) return;
        shown = null;
        box.replaceChildren(el('div', { class: 'error small', 'data-testid': 'finding-error' }, errorText(e)));
        overlay.setPosition(at);
        return;
      }
      if (mine !== asked) return;
      shown = finding;
      box.dataset.id = String(id);
      render();
      overlay.setPosition(at);
    },
    hide,
  };
}
