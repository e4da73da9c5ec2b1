import Overlay from 'ol/Overlay';
import type OlMap from 'ol/Map';
import type { Coordinate } from 'ol/coordinate';
import type { Pixel } from 'ol/pixel';
import { api, type Finding } from '../api';
import { lang, onLang, t, tKey } from '../i18n';
import { el, fmt } from './dom';

/** The id of the ownership-unclear finding drawn at a map pixel (tile or live copy), or null. */
export function findingAt(map: OlMap, pixel: Pixel): number | null {
  let id: number | null = null;
  map.forEachFeatureAtPixel(pixel, (f) => { id = Number(f.getId()); return true; }, {
    hitTolerance: 4,
    layerFilter: (l) => l.get('name') === 'ambiguity' || l.get('overlayOf') === 'ambiguity',
  });
  return id;
}

/**
 * A map popup explaining one finding in plain words, as GET /api/findings/{id} states it
 * (explanation zh/en, kind, area, default owner, status). data-testid="finding-popup";
 * the explanation is data-testid="finding-explanation".
 */
export function findingPopup(map: OlMap, theme: 'dark' | 'light') {
  const box = el('div', { class: `popup finding-popup ${theme}`, 'data-testid': 'finding-popup' });
  const overlay = new Overlay({ element: box, positioning: 'bottom-center', offset: [0, -10], stopEvent: true, autoPan: { margin: 40 } });
  map.addOverlay(overlay);
  let shown: Finding | null = null;
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
  }
  onLang(render);

  function hide() { shown = null; asked++; overlay.setPosition(undefined); }
  return {
    /** Fetches the finding and shows it at `at`; a later call wins over a slower earlier one. */
    async show(id: number, at: Coordinate) {
      const mine = ++asked;
      const finding = await api.finding(id);
      if (mine !== asked) return;
      shown = finding;
      box.dataset.id = String(id);
      render();
      overlay.setPosition(at);
    },
    hide,
  };
}
