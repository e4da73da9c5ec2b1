import { createMap, type MapContext } from '../map/createMap';
import { light } from '../theme';
import type { StringKey } from '../i18n';
import { el } from '../ui/dom';
import { topbar } from '../ui/topbar';
import { legend } from '../ui/legend';
import { startLive, type LiveOptions } from '../live/liveMap';

// The shared frame of the desk views (/lead, /plan): header, side panel, map, legend.
export async function deskLayout(root: HTMLElement, viewClass: string, titleKey: StringKey, liveOptions: Omit<LiveOptions, 'pulse'> = {}) {
  document.body.classList.add('theme-light', viewClass);
  const side = el('aside', { class: 'side' });
  const mapEl = el('div', { class: 'map', id: 'map' });
  const mapWrap = el('div', { class: 'map-wrap' }, mapEl);
  const header = el('div', { class: 'topbar-slot' });
  root.append(el('div', { class: 'desk' }, header, el('main', { class: 'desk-main' }, side, mapWrap)));
  const ctx: MapContext = await createMap({ target: mapEl, palette: light, interactive: true });
  // The desks are live too (no pulses: a moving ring under the cursor distracts at a desk).
  const live = startLive(ctx, { ...liveOptions, pulse: false });
  const bar = topbar(ctx.district?.name ?? '', titleKey);
  bar.insertBefore(live.badge, bar.lastElementChild); // before the language switch
  header.replaceWith(bar);
  mapWrap.append(legend(light, ctx.categories, true));
  return { ctx, side, mapWrap, live, bar };
}
