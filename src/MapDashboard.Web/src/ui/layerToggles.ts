import type OlMap from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import { onLang, t, type StringKey } from '../i18n';
import { el } from './dom';

/**
 * Check boxes that show or hide map layers by the hook's layer name (patrol tracks,
 * coverage, unvisited on /lead). A layer the map does not have (an older server) gets
 * no box. data-testid: layer-toggles, and toggle-<layer> on each input.
 */
export function layerToggles(map: OlMap, titleKey: StringKey, entries: [layer: string, label: StringKey][]): HTMLElement {
  const byName = (name: string) => map.getAllLayers().find((l) => l.get('name') === name) as Layer | undefined;
  const title = el('div', { class: 'toggles-title' });
  const box = el('div', { class: 'layer-toggles', 'data-testid': 'layer-toggles' }, title);
  for (const [name, key] of entries) {
    const layer = byName(name);
    if (!layer) continue;
    const input = el('input', { type: 'checkbox', 'data-testid': `toggle-${name}` });
    input.checked = layer.getVisible();
    input.addEventListener('change', () => layer.setVisible(input.checked));
    const label = el('span', {});
    box.append(el('label', { class: 'toggle' }, input, label));
    onLang(() => (label.textContent = t(key)));
  }
  onLang(() => (title.textContent = t(titleKey)));
  return box;
}
