import type LineString from 'ol/geom/LineString';
import { getLength } from 'ol/sphere';
import { fromLonLat } from 'ol/proj';
import { installTestHook } from '../testHook';
import { light } from '../theme';
import { onLang, t, text, type StringKey } from '../i18n';
import { lineJson, patrolApi, type LonLat, type RouteAnalysis, type RouteSuggestion } from '../patrolApi';
import { routeLayer } from '../layers/route';
import { routeAnalysisLayer } from '../layers/routeAnalysis';
import { routeEditor } from '../map/routeEditor';
import { fitBBox } from '../map/createMap';
import { el } from '../ui/dom';
import { routeStats } from '../ui/routeStats';
import { routeAnalysisPanel } from '../ui/routeAnalysisPanel';
import { debouncedLatest } from '../ui/debouncedLatest';
import { gridPicker } from '../ui/gridPicker';
import { deskLayout } from './deskLayout';
import { planRoutes } from './planRoutes';
import { errorText } from '../ui/errorText';

// The planner view: draw a patrol route (or load a saved one, or a suggestion), drag its
// vertices, and read at once what it covers — length and walking time locally while drawing,
// then the server's analysis (grid share, buildings and hazards passed and missed), debounced.
// Save it for a worker and a day; the day's saved routes are listed and stream in live.
export async function planView(root: HTMLElement): Promise<void> {
  let routes: ReturnType<typeof planRoutes> | null = null;
  const { ctx, side, live } = await deskLayout(root, 'view-plan', 'planTitle', { onRoute: (item) => routes?.live(item) });
  const { map } = ctx;
  const route = routeLayer(light);
  const analysisLayer = routeAnalysisLayer(light);
  map.addLayer(analysisLayer.layer);
  map.addLayer(route.layer);
  const stats = routeStats();
  const status = el('div', { class: 'hint', 'data-testid': 'plan-hint' });
  const grids = gridPicker(ctx.units, (code) => {
    const unit = ctx.units.find((u) => u.code === code);
    if (unit) fitBBox(map, unit.bbox, true);
    analyse(editor.path());
  });

  const panel = routeAnalysisPanel(ctx.units, (lon, lat) =>
    map.getView().animate({ center: fromLonLat([lon, lat]), zoom: Math.max(map.getView().getZoom() ?? 17, 17), duration: 400 }));
  const analysis = debouncedLatest(
    (path: LonLat[]) => patrolApi.analyse(lineJson(path), grids.value() ?? undefined),
    (a: RouteAnalysis) => { panel.show(a); analysisLayer.show(a); routes?.preferGrid(a.grid); },
    (e) => { console.warn(e); panel.failed(e); });
  function analyse(path: LonLat[] | null) {
    if (!path) { analysis.cancel(); panel.show(null); analysisLayer.show(null); return; }
    panel.pending();
    analysis.run(path);
  }

  // Geodesic length (ol/sphere), not planar Web Mercator metres, which are ~24% long at 36°N.
  const editor = routeEditor(map, route, {
    onSketch: (g: LineString | null) => stats.set(g && g.getCoordinates().length > 1 ? getLength(g) : null),
    onLine: analyse,
    onDrawing: (on) => {
      drawBtn.classList.toggle('active', on);
      status.textContent = on ? t('drawing') : t('planHint');
    },
  });

  const drawBtn = text('button', 'drawRoute', 'btn primary');
  drawBtn.dataset.testid = 'draw-route';
  drawBtn.addEventListener('click', () => editor.setDrawing(!editor.drawing()));
  const clearBtn = text('button', 'clearRoute', 'btn');
  clearBtn.dataset.testid = 'clear-route';
  clearBtn.addEventListener('click', () => { editor.clear(); routes?.newDraft(); editor.setDrawing(true); });
  onLang(() => { status.textContent = editor.drawing() ? t('drawing') : t('planHint'); });

  // Suggest a route for the chosen grid (else the draft's grid): it becomes an editable draft.
  let suggestion: RouteSuggestion | null = null;
  const suggestBtn = text('button', 'suggestRoute', 'btn');
  suggestBtn.dataset.testid = 'suggest-route';
  const suggestNote = el('div', { class: 'muted small', 'data-testid': 'suggest-note' });
  suggestBtn.addEventListener('click', async () => {
    const grid = grids.value() ?? panel.current()?.grid;
    if (!grid) { suggestNote.textContent = t('pickGridFirst'); return; }
    suggestBtn.disabled = true;
    suggestNote.textContent = t('suggesting');
    suggestNote.dataset.state = 'pending';
    try {
      suggestion = await patrolApi.suggest(grid, routes?.worker());
      if (suggestion.allVisited || !suggestion.path) {
        // Nothing left to visit: say so, and leave the planner's draft as it is.
        suggestNote.dataset.state = 'all-visited';
        suggestNote.textContent = t(`allPatrolled_${suggestion.window ?? 'today'}` as StringKey);
        return;
      }
      routes?.newDraft(grid);
      editor.load(suggestion.path.coordinates);
      const extent = editor.extent();
      if (extent) map.getView().fit(extent, { padding: [60, 60, 60, 60], duration: 400, maxZoom: 18 });
      suggestNote.dataset.state = 'loaded';
      suggestNote.textContent = `${t('suggested')}: ${suggestion.stops.length} ${t('stops')}`;
    } catch (e) {
      suggestNote.dataset.state = 'failed';
      suggestNote.textContent = `${t('suggestFailed')}: ${errorText(e, { 404: 'errSuggestNotFound' })}`;
    } finally {
      suggestBtn.disabled = false;
    }
  });

  routes = planRoutes(ctx, {
    path: () => editor.path(),
    grid: () => grids.value() ?? panel.current()?.grid ?? undefined,
    load: (coords) => editor.load(coords),
    fit: () => { const e = editor.extent(); if (e) map.getView().fit(e, { padding: [60, 60, 60, 60], duration: 400, maxZoom: 18 }); },
  });

  side.classList.add('scroll');
  side.append(
    el('section', { class: 'plan-tool' },
      text('h2', 'routeTool', 'panel-heading'),
      status,
      el('div', { class: 'btn-row' }, drawBtn, clearBtn),
      stats.element,
      grids.element,
      el('div', { class: 'btn-row' }, suggestBtn),
      suggestNote),
    // Planned vs walked, when asked for, right under the tool: it is what the planner is reading.
    el('div', { class: 'plan-section' }, routes.comparison),
    el('div', { class: 'plan-section' }, panel.element),
    el('div', { class: 'plan-section' }, routes.form),
    el('div', { class: 'plan-section' }, routes.list));
  editor.setDrawing(true);

  installTestHook('plan', map, light, routes.loaded, {
    routeLengthMetres: stats.metres,
    live: live.status,
    plan: () => ({
      draftPath: editor.path(),
      analysis: panel.current(),
      analysisPending: analysis.pending(),
      suggestion,
      ...routes!.state(),
    }),
  });
}
