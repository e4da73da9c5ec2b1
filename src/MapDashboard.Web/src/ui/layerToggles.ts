import type OlMap from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import { onLang, t, type StringKey } from '../i18n';
import { el } from './dom';

/**
 * Check boxes that show or hide map layers by the hook's layer name (patrol tracks,
 * coverage, unvisited on /lead). A layer the map does not have (an older server) gets
 * no box. data-testid: layer-toggles, and toggle-<layer> on each input.
 * A layer drawn only from some zoom in (src/map/levelOfDetail.ts) is greyed while the map is further out, with a hint
 * (data-testid toggles-zoom-hint) that says where it comes back: a ticked box over a map without the layer would
 * otherwise read as a fault.
 */
export function layerToggles(map: OlMap, titleKey: StringKey, entries: [layer: string, label: StringKey][]): HTMLElement {
  const byName = (name: string) => map.getAllLayers().find((l) => l.get('name') === name) as Layer | undefined;
  const title = el('div', { class: 'toggles-title' });
  const hint = el('span', { class: 'toggles-zoom-hint', 'data-testid': 'toggles-zoom-hint', hidden: '' });
  const box = el('div', { class: 'layer-toggles', 'data-testid': 'layer-toggles' }, title);
  const ranged: [Layer, HTMLElement][] = [];
  for (const [name, key] of entries) {
    const layer = byName(name);
    if (!layer) continue;
    const input = el('input', { type: 'checkbox', 'data-testid': `toggle-${name}` });
    input.checked = layer.getVisible();
    input.addEventListener('change', () => { layer.setVisible(input.checked); showRange(); });
    const label = el('span', {});
    const toggle = el('label', { class: 'toggle' }, input, label);
    box.append(toggle);
    if (Number.isFinite(layer.getMaxResolution())) ranged.push([layer, toggle]);
    onLang(() => (label.textContent = t(key)));
  }
  box.append(hint);
  const view = map.getView();
  function showRange() {
    const resolution = view.getResolution() ?? 0;
    let waiting = false;
    for (const [layer, toggle] of ranged) {
      const out = resolution >= layer.getMaxResolution();
      toggle.classList.toggle('out-of-range', out);
      waiting ||= out && layer.getVisible();
    }
    hint.hidden = !waiting;
  }
  view.on('change:resolution', showRange);
  showRange();
  onLang(() => { title.textContent = t(titleKey); hint.textContent = t('layersZoomIn'); });
  return box;
}
