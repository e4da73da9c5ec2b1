import GeoJSON from 'ol/format/GeoJSON';
import { getCenter } from 'ol/extent';
import { fromLonLat } from 'ol/proj';
import { api, type Finding, type GridCollection, type SearchHit, type TerritoryUnit } from '../api';
import { me, REVEAL_ROLES } from '../auth';
import { fitBBox, toMercator } from '../map/createMap';
import { installTestHook } from '../testHook';
import { light } from '../theme';
import { selectionLayer } from '../layers/selection';
import { windowCoverageLayer } from '../layers/windowCoverage';
import { territoryTree } from '../ui/tree';
import { searchBox } from '../ui/search';
import { gridPanel } from '../ui/gridPanel';
import { unitOverview } from '../ui/unitOverview';
import { gridIncidents } from '../ui/gridIncidents';
import { gridPatrol } from '../ui/gridPatrol';
import { layerToggles } from '../ui/layerToggles';
import { el } from '../ui/dom';
import { findingList } from '../ui/findingList';
import { featurePopup } from '../ui/featurePopup';
import { findingAt, findingPopup } from '../ui/findingPopup';
import { refresher } from '../ui/refresher';
import { errorText } from '../ui/errorText';
import { onLang, t, tFill } from '../i18n';
import { deskLayout } from './deskLayout';
import { leadDesk } from './leadDesk';
import { adminImportLink } from '../ui/adminImportLink';

const SELECTABLE_GRIDS = new Set(['community_grid', 'dedicated_grid']);
/** Units with an overview (their totals and open incidents) instead of a grid card. */
const OVERVIEW_KINDS = new Set(['district', 'street', 'community']);
/** Room the card on the right of the map takes, so a fitted area is not hidden under it. */
const CARD_PADDING = [80, 440, 80, 80];
/** The open grid's incidents reload on their own too: an incident turns overdue by time alone. */
const GRID_REFRESH_MS = 60_000;
/** Revealed personal data goes back to masked on its own after this long (shared screens). */
const REVEAL_MS = 120_000;

// The leader view: navigate district → street → community → grid, or search for anything (a unit, a person, a
// building or compound, an incident, a finding); a grid opens its card with its incidents, a community or street its
// overview (totals, open incidents); a community (or a grid's community) lists where its ownership is unclear.
// The selection lives in the URL (/lead?grid=CODE, /lead?unit=CODE) so a link opens the same card; ?grid= naming a
// community or street opens its overview (what such a link means); a code that names nothing says so in the
// reader's language and offers the search.
export async function leadView(root: HTMLElement): Promise<void> {
  let incidentChanged = () => {};
  const { ctx, side, mapWrap, live, bar } = await deskLayout(root, 'view-lead', 'leadTitle',
    { onFeature: (layer) => { if (layer === 'incidents') incidentChanged(); } });
  const { map, categories } = ctx;
  const selection = selectionLayer(light);
  map.addLayer(selection.layer);
  const popup = featurePopup(map, categories);
  const explain = findingPopup(map, 'light', { canOpenCase: true });
  let selected: string | null = null;

  const incidents = gridIncidents(categories, ctx.units);
  const covered = windowCoverageLayer(light);
  map.addLayer(covered.layer);
  const patrol = gridPatrol(covered.show);
  const gridRefresh = refresher(async () => { if (selected) await Promise.all([incidents.show(selected), patrol.show(selected)]); }, GRID_REFRESH_MS);
  let desk: ReturnType<typeof leadDesk> = null;
  incidentChanged = () => { gridRefresh.soon(); desk?.changed(); };

  // Revealing the grid worker's personal data: only for roles that may (the server judges the jurisdiction and
  // removes what is outside it); it lasts for the open card only: another grid, closing it or REVEAL_MS masks it again.
  let canReveal = false;
  let masked: GridCollection | null = null; // the open card's masked answer, shown again when the reveal ends
  let revealTimer: number | undefined;
  function endReveal() {
    window.clearTimeout(revealTimer);
    revealTimer = undefined;
  }
  async function toggleReveal(on: boolean) {
    const code = selected;
    if (!code) return;
    endReveal();
    if (!on) { concealNow(); return; }
    const [revealed] = await Promise.all([api.grid(code, true), incidents.setReveal(true)]);
    if (selected !== code) return;
    panel.show(revealed, true);
    revealTimer = window.setTimeout(concealNow, REVEAL_MS);
  }
  function concealNow() {
    endReveal();
    if (selected && masked?.grid.code === selected) panel.show(masked, false);
    void incidents.setReveal(false);
  }

  const panel = gridPanel(categories, () => {
    closeGrid();
    selection.clear();
    setUrlSelection(null);
  }, el('div', {}, patrol.element, incidents.element), { canReveal: () => canReveal, toggle: toggleReveal });
  /** An incident chosen in a list (an overview's, the dispatch desk's): marked on the map and zoomed to. */
  function locateIncident(at: [number, number]) {
    popup.hide();
    explain.hide();
    selection.mark(at);
    map.getView().animate({ center: fromLonLat(at), zoom: Math.max(map.getView().getZoom() ?? 17, 17), duration: 450 });
  }
  const overview = unitOverview(categories, () => {
    overview.hide();
    selection.clear();
    setUrlSelection(null);
  }, (i) => locateIncident(i.location));
  const account = me();
  const roleKnown = account.then((m) => { canReveal = REVEAL_ROLES.has(m.role); }).catch(() => { canReveal = false; });
  // Admins load districts' data: their way to the import page, beside the views (nobody else may import).
  void account.then((m) => { if (m.role === 'admin') bar.querySelector('.topbar-nav')?.after(adminImportLink()); }).catch(() => {});
  mapWrap.append(panel.element, overview.element, layerToggles(map, 'patrolLayers',
    [['tracks', 'legendTrack'], ['coverage', 'legendCoverage'], ['unvisited', 'legendUnvisited']]));

  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  const findings = findingList(categories, (f: Finding) => {
    popup.hide();
    const extent = format.readGeometry(f.geometry)!.getExtent();
    map.getView().fit(extent, { padding: [80, 440, 80, 80], duration: 450, maxZoom: 18 });
    void explain.show(f.id, getCenter(extent));
  });

  function showFindings(code: string | undefined) {
    const community = ctx.units.find((u) => u.code === code && u.kind === 'community');
    if (community && findings.current() !== community.code) void findings.show(community.code, community.name).catch((e) => console.error(e));
  }

  async function selectGrid(code: string, animate: boolean): Promise<GridCollection> {
    const [collection] = await Promise.all([api.grid(code), roleKnown]);
    endReveal();
    selected = code;
    masked = collection;
    overview.hide();
    desk?.hideCard();
    selection.show(collection);
    panel.show(collection);
    tree.reveal(code);
    fitBBox(map, collection.grid.bbox, animate, CARD_PADDING);
    setUrlSelection(['grid', code]);
    showFindings(collection.grid.community?.code);
    await Promise.all([incidents.show(code), patrol.show(code)]);
    return collection;
  }

  /** A community's, street's or the district's overview: outlined, fitted, its totals and open incidents in the card. */
  async function selectUnit(code: string, animate: boolean) {
    const o = await api.overview(code);
    closeGrid();
    desk?.hideCard();
    overview.show(o);
    selection.outline(o.geometry);
    tree.reveal(code);
    fitBBox(map, o.bbox, animate, CARD_PADDING);
    setUrlSelection(['unit', code]);
    showFindings(code);
  }

  /** The grid card closes without touching the URL or the outline (another card takes its place). */
  function closeGrid() {
    endReveal();
    selected = null;
    masked = null;
    panel.hide();
    incidents.hide();
    patrol.hide();
  }

  function pick(u: TerritoryUnit) {
    popup.hide();
    explain.hide();
    if (OVERVIEW_KINDS.has(u.kind)) void openUnit(u.code, true);
    else void openGrid(u.code, true);
  }

  /** A search hit: zoom to it and open its card (a person's or building's grid, an incident in its grid's card, a finding's popup). */
  async function pickHit(hit: SearchHit) {
    popup.hide();
    explain.hide();
    notice.clear();
    switch (hit.match) {
      case 'unit': return pick(hit);
      case 'finding': return showFinding(hit.id, hit.bbox, hit.position ?? null);
      default: break;
    }
    const collection = hit.grid ? await openGrid(hit.grid.code, true) : null;
    if (!collection) { fitBBox(map, hit.bbox, true, CARD_PADDING); return; }
    if (hit.match === 'person' && hit.position) selection.mark(hit.position);
    if (hit.match === 'building' || hit.match === 'compound') {
      // The grid's zoom may still be running: stop it, or the two animations end wherever the later frame puts them.
      map.getView().cancelAnimations();
      // The popup opens once the building is in view: opened earlier, its auto-pan judges the half-way view and
      // shifts the map off the building.
      fitBBox(map, hit.bbox, true, CARD_PADDING, () => { if (hit.match === 'building') showBuildingPopup(hit, collection); });
    }
    if (hit.match === 'incident') {
      if (hit.position) selection.mark(hit.position);
      await incidents.open(hit.code);
    }
  }

  function showBuildingPopup(hit: Extract<SearchHit, { match: 'building' }>, collection: GridCollection) {
    const building = collection.features.find((f) => f.properties.layer === 'building' && f.properties.code === hit.code);
    const p = building?.properties ?? {};
    popup.show('building', { code: hit.code, name: hit.name, households: p.households, residents: p.residents,
      owner: p.ownerName, manager: p.managerName, ownerless: p.ownerName == null }, fromLonLat(hit.position ?? [hit.bbox[0], hit.bbox[1]]));
  }

  function showFinding(id: number, bbox: [number, number, number, number], at: [number, number] | null) {
    const extent = toMercator(bbox);
    map.getView().fit(extent, { padding: CARD_PADDING, duration: 450, maxZoom: 18 });
    void explain.show(id, at ? fromLonLat(at) : getCenter(extent));
  }

  const tree = territoryTree(ctx.units, pick);
  const search = searchBox(categories, ctx.units, (hit) => void pickHit(hit));
  const notice = leadNotice((q) => search.offer(q));
  side.append(notice.element, search.element, findings.element, tree.element);

  // The dispatch desk (调度台): its queue above the findings, its card over the map, for accounts that may dispatch.
  const deskReady = account.then((m) => {
    desk = leadDesk(m, {
      categories, units: ctx.units, side, before: findings.element, mapWrap,
      locate: locateIncident,
      closeOthers: () => { closeGrid(); overview.hide(); setUrlSelection(null); },
    });
    return desk?.loaded;
  }).catch((e) => console.error(e));

  /** Opens a grid's card; a grid that cannot be opened says why instead of leaving the map as it was. */
  async function openGrid(code: string, animate: boolean): Promise<GridCollection | null> {
    try {
      notice.clear();
      return await selectGrid(code, animate);
    } catch (e) {
      notice.show(() => errorText(e, { 404: 'errGridNotFound' }), code);
      return null;
    }
  }

  /** Opens a community's or street's overview; one that cannot be opened says why. */
  async function openUnit(code: string, animate: boolean) {
    try {
      notice.clear();
      await selectUnit(code, animate);
    } catch (e) {
      notice.show(() => errorText(e), code);
    }
  }

  /**
   * /lead?grid=CODE or /lead?unit=CODE: a grid opens its card, a community, street or the district its overview
   * (whichever parameter named it); a code that names nothing is explained, never silently ignored.
   */
  async function followLink(code: string) {
    const unit = ctx.units.find((u) => u.code === code);
    try {
      if (unit && OVERVIEW_KINDS.has(unit.kind)) await selectUnit(code, false);
      else await selectGrid(code, false);
    } catch (e) {
      // Micro-grids are not in the tree but open like grids; only what the server cannot find is unknown.
      notice.show(() => (unit ? errorText(e) : (isNotFound(e) ? tFill('linkUnknown', { code }) : errorText(e))), code);
    }
  }

  // Map clicks: a hazard or building shows its properties, a finding its explanation;
  // a grid opens its card.
  map.on('singleclick', (e) => {
    const hits = map.getFeaturesAtPixel(e.pixel, { hitTolerance: 4 });
    const hazard = hits.find((f) => f.get('category') !== undefined && f.get('severity') !== undefined);
    const building = hits.find((f) => f.get('households') !== undefined);
    explain.hide();
    if (hazard) return popup.show('hazard', hazard.getProperties(), e.coordinate);
    if (building) return popup.show('building', building.getProperties(), e.coordinate);
    popup.hide();
    const finding = findingAt(map, e.pixel);
    if (finding != null) return void explain.show(finding, e.coordinate);
    const grid = hits.find((f) => SELECTABLE_GRIDS.has(f.get('kind')));
    if (grid) void openGrid(grid.get('code'), true);
  });

  const query = new URLSearchParams(location.search);
  const initial = query.get('grid') ?? query.get('unit');
  const loaded = Promise.all([initial ? followLink(initial) : Promise.resolve(), deskReady]);
  installTestHook('lead', map, light, loaded, {
    selectedGrid: () => selected,
    overviewUnit: () => overview.current(),
    locatedIncident: () => overview.located(),
    live: live.status,
    gridCoverage: () => patrol.current() as unknown as Record<string, unknown> | null,
    deskQueue: () => desk?.codes() ?? null,
    deskIncident: () => desk?.current() ?? null,
  });
}

/** The open card in the URL: ['grid', code] or ['unit', code]; null: none. */
function setUrlSelection(selection: ['grid' | 'unit', string] | null) {
  const url = new URL(location.href);
  url.searchParams.delete('grid');
  url.searchParams.delete('unit');
  if (selection) url.searchParams.set(...selection);
  history.replaceState(history.state, '', url);
}

const isNotFound = (e: unknown) => (e as { status?: number })?.status === 404;

/**
 * A notice at the top of the side panel (data-testid="lead-notice", role=alert): what a link or a click could
 * not open, in the reader's language, with the search offered (the code in the box) and a dismiss button.
 */
function leadNotice(offerSearch: (q: string) => void) {
  const text = el('p', { class: 'notice-text', 'data-testid': 'lead-notice-text' });
  const searchBtn = el('button', { class: 'btn primary', type: 'button', 'data-testid': 'lead-notice-search' });
  const dismiss = el('button', { class: 'btn', type: 'button' });
  const element = el('div', { class: 'lead-notice', role: 'alert', 'data-testid': 'lead-notice', hidden: '' },
    text, el('div', { class: 'btn-row' }, searchBtn, dismiss));
  let say: (() => string) | null = null;
  let query = '';
  onLang(() => {
    searchBtn.textContent = t('linkSearch');
    dismiss.textContent = t('linkDismiss');
    if (say) text.textContent = say();
  });
  searchBtn.addEventListener('click', () => offerSearch(query));
  const clear = () => { say = null; element.hidden = true; };
  dismiss.addEventListener('click', clear);
  return {
    element,
    show(sentence: () => string, q: string) {
      say = sentence;
      query = q;
      text.textContent = sentence();
      element.hidden = false;
      offerSearch(q);
    },
    clear,
  };
}
