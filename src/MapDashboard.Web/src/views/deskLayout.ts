import { createMap, type MapContext } from '../map/createMap';
import { light } from '../theme';
import type { StringKey } from '../i18n';
import { el } from '../ui/dom';
import { topbar } from '../ui/topbar';
import { legend } from '../ui/legend';
import { startLive, type LiveOptions } from '../live/liveMap';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';
import type { TileResampling } from '../map/tileLayer';

/**
 * A desk's tile images are scaled linearly where a leader reads a few communities up close, and nearest-neighbour
 * further out: there the whole district is redrawn at each live commit, and in software rendering linear scaling
 * cost most of each redraw (as on the wall, map/tileLayer.ts; web README, eighth round).
 */
const deskResampling = (resolution: number): TileResampling => (resolution >= NEIGHBOURHOOD_RESOLUTION ? 'nearest' : 'linear');

// The shared frame of the desk views (/lead, /plan): header, side panel, map, legend.
export async function deskLayout(root: HTMLElement, viewClass: string, titleKey: StringKey, liveOptions: Omit<LiveOptions, 'pulse'> = {}) {
  document.body.classList.add('theme-light', viewClass);
  const side = el('aside', { class: 'side' });
  const mapEl = el('div', { class: 'map', id: 'map' });
  const mapWrap = el('div', { class: 'map-wrap' }, mapEl);
  const header = el('div', { class: 'topbar-slot' });
  root.append(el('div', { class: 'desk' }, header, el('main', { class: 'desk-main' }, side, mapWrap)));
  const ctx: MapContext = await createMap({ target: mapEl, palette: light, interactive: true, tileResampling: deskResampling, baseMapApart: true });
  // The desks are live too (no pulses: a moving ring under the cursor distracts at a desk).
  const live = startLive(ctx, { ...liveOptions, pulse: false });
  const bar = topbar(ctx.district?.name ?? '', titleKey);
  bar.insertBefore(live.badge, bar.lastElementChild); // before the language switch
  header.replaceWith(bar);
  mapWrap.append(legend(light, ctx.categories, true));
  return { ctx, side, mapWrap, live, bar };
}
