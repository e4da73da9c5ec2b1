import Draw from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import DoubleClickZoom from 'ol/interaction/DoubleClickZoom';
import type LineString from 'ol/geom/LineString';
import { getLength } from 'ol/sphere';
import { unByKey } from 'ol/Observable';
import type { EventsKey } from 'ol/events';
import { installHook } from '../hook';
import { light } from '../theme';
import { onLang, t, text } from '../i18n';
import { routeLayer } from '../layers/route';
import { el } from '../ui/dom';
import { routeStats } from '../ui/routeStats';
import { deskLayout } from './deskLayout';

// The planner view: draw a patrol route, drag its vertices, read length and walking time.
// Saving and coverage analysis come with the route-planning API; until then Save is
// visibly disabled rather than pretending to store anything.
export async function planView(root: HTMLElement): Promise<void> {
  const { ctx, side, live } = await deskLayout(root, 'view-plan', 'planTitle');
  const { map } = ctx;
  // A double-click finishes a line; it must not also zoom the map under the planner's hand.
  map.getInteractions().getArray().filter((i) => i instanceof DoubleClickZoom).forEach((i) => i.setActive(false));
  const route = routeLayer(light);
  map.addLayer(route.layer);
  const stats = routeStats();

  // Geodesic length (ol/sphere), not planar Web Mercator metres, which are ~24% long at 36°N.
  const measure = (g: LineString) => stats.set(g.getCoordinates().length > 1 ? getLength(g) : null);

  const draw = new Draw({ source: route.source, type: 'LineString', style: route.sketch });
  const modify = new Modify({ source: route.source, style: route.sketch });
  map.addInteraction(modify);
  let sketchKey: EventsKey | null = null;
  draw.on('drawstart', (e) => {
    route.source.clear(); // one draft route at a time
    const g = e.feature.getGeometry() as LineString;
    sketchKey = g.on('change', () => measure(g));
  });
  draw.on('drawend', (e) => {
    if (sketchKey) unByKey(sketchKey);
    const g = e.feature.getGeometry() as LineString;
    measure(g);
    g.on('change', () => measure(g)); // Modify drags vertices of the stored feature
    setDrawing(false);
  });

  const status = el('div', { class: 'hint', 'data-testid': 'plan-hint' });
  let drawing = false;
  function setDrawing(on: boolean) {
    drawing = on;
    if (on) map.addInteraction(draw); else map.removeInteraction(draw);
    drawBtn.classList.toggle('active', on);
    status.textContent = on ? t('drawing') : t('planHint');
  }

  const drawBtn = text('button', 'drawRoute', 'btn primary');
  drawBtn.dataset.testid = 'draw-route';
  drawBtn.addEventListener('click', () => setDrawing(!drawing));
  const clearBtn = text('button', 'clearRoute', 'btn');
  clearBtn.addEventListener('click', () => { draw.abortDrawing(); route.source.clear(); stats.set(null); setDrawing(true); });
  const saveBtn = text('button', 'saveRoute', 'btn');
  saveBtn.disabled = true;
  saveBtn.dataset.testid = 'save-route';
  const saveWrap = el('span', { class: 'disabled-wrap' }, saveBtn);
  const saveNote = el('div', { class: 'muted small' });
  onLang(() => {
    saveWrap.title = saveBtn.title = t('saveComingSoon');
    saveNote.textContent = t('saveComingSoon');
    status.textContent = drawing ? t('drawing') : t('planHint');
  });

  side.append(el('section', { class: 'plan-tool' },
    text('h2', 'routeTool', 'panel-heading'),
    status,
    el('div', { class: 'btn-row' }, drawBtn, clearBtn),
    stats.element,
    el('div', { class: 'btn-row' }, saveWrap),
    saveNote));
  setDrawing(true);

  installHook('plan', map, light, Promise.resolve(), { routeLengthMetres: stats.metres, live: live.status });
}
