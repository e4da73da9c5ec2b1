import type Map from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import VectorTileLayer from 'ol/layer/VectorTile';
import type { FeatureLike } from 'ol/Feature';
import type { StyleFunction } from 'ol/style/Style';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj';
import { getCenter } from 'ol/extent';
import type Point from 'ol/geom/Point';
import { blendOverBackground, hexRgb, type Palette } from './theme';
import { lang } from './i18n';
import type { LiveStatus } from './live/liveMap';
import { drawnFeatures, withOverlay } from './map/drawnFeatures';
import type { FocusState } from './ui/focusPanel';
import { renderProfiler, type RenderProfile } from './map/renderProfile';
import { mapsOver, mapsUnder } from './map/animationMap';
import { mapPixelToPage, pagePixelToMap } from './map/pagePixels';
import type { TileResampling } from './map/tileLayer';

/**
 * window.mapDashboard — a read-only TEST / AUTOMATION HOOK, not an API for features.
 * Browser tests (tests/MapDashboard.BrowserTests) assert on it. Everything it reports
 * is read from what OpenLayers actually rendered, never from what we meant to render.
 */
export interface MapDashboardHook {
  view: 'wall' | 'lead' | 'plan' | 'field' | 'report';
  lang(): string;
  /** True once the data is loaded and a rendercomplete has fired with every tile loaded. */
  ready: boolean;
  whenReady: Promise<void>;
  /** Resolves on the next rendercomplete after the view stops moving (for after a click). */
  idle(): Promise<void>;
  zoom(): number;
  /** View extent, EPSG:4326 [minLon, minLat, maxLon, maxLat]. */
  extent(): [number, number, number, number];
  layerNames(): string[];
  /**
   * Properties of features a layer rendered in the view extent (styled, deduplicated by code/id).
   * A tile layer's live overlay counts as the layer: its changed features replace the tiles' copies.
   */
  renderedFeatures(layer: string): Record<string, unknown>[];
  renderedCounts(): Record<string, number>;
  /** Page (CSS px) position of a lon/lat. */
  pixelOf(lon: number, lat: number): [number, number];
  /** Lon/lat under a page pixel. */
  lonLatAt(x: number, y: number): [number, number];
  /** A page pixel where the given layer draws the feature with this code, or null. */
  pixelOfFeature(layer: string, code: string): [number, number] | null;
  /** What is drawn at a page pixel, top layer first. */
  featuresAt(x: number, y: number, hitTolerance?: number): { layer: string; properties: Record<string, unknown> }[];
  /**
   * A page pixel where a grid's status fill is the only thing drawn, with the colour a
   * screenshot should show there (fill blended over the map background). Null when the
   * grid is not rendered or no clear pixel exists.
   */
  probeGridFill(code?: string, status?: string): { x: number; y: number; code: string; status: string; expectedRgb: [number, number, number] } | null;
  /**
   * The label texts a layer draws in the view at the current zoom (what its style gives each drawn feature), and
   * whether it declutters them (OpenLayers leaves out a label that would overlap another).
   */
  labels(layer: string): { texts: string[]; declutter: boolean };
  /** Opaque colours a screenshot shows where they are drawn: the ownership-unclear hatch, the overdue ring. */
  colours(): { hatch: [number, number, number]; overdue: [number, number, number] };
  selectedGrid(): string | null;
  routeLengthMetres(): number | null;
  /**
   * /plan: the draft's vertices (lon/lat), the analysis shown for it (null while none or
   * stale), whether one is on its way, the last suggestion, the day's listed saved route ids,
   * the route loaded for editing, the planned-vs-walked comparison shown.
   */
  plan(): Record<string, unknown> | null;
  /** /lead: the patrol coverage the grid card shows (GET /api/grids/{code}/coverage), with its window. */
  gridCoverage(): Record<string, unknown> | null;
  /** The live link: state, last applied seq, items applied… (src/live/liveMap.ts). */
  live(): LiveStatus | null;
  /** /lead: the code of the community, street or district whose overview is open, or null. */
  overviewUnit(): string | null;
  /** /lead: the code of the incident an overview row last located on the map, or null. */
  locatedIncident(): string | null;
  /** /lead's dispatch desk: the queue's incident codes in their order (null: no desk for this account), and the incident its card shows. */
  deskQueue(): string[] | null;
  deskIncident(): string | null;
  /** /field: how often a live incident change made the page read its task list again (concernsMyTasks). */
  fieldLiveReloads(): number | null;
  /** /wall: the focus panel's item the map is zoomed on, every zoom it made, and the items it has (ui/focusPanel.ts). */
  focus(): FocusState | null;
  /** /wall: whether the stale-data banner shows, and when the last heartbeat came (ISO). */
  stale(): { stale: boolean; lastHeartbeat: string } | null;
  /** Map renders and each layer's render time since the previous call (the wall benchmark's profile, map/renderProfile.ts). */
  renderProfile(): RenderProfile;
  /** How the map's vector tile images are scaled between zoom levels (map/tileLayer.ts): each tile source's answer at the zoom now. */
  tileResampling(): TileResampling[];
  /**
   * How the worker dots are drawn (layers/workers.ts), and whether on a map of their own over the district's
   * (map/animationMap.ts); null on a view without them.
   */
  workerDots(): { drawnAs: 'canvas' | 'webgl'; ownMap: boolean } | null;
}

type Extra = Partial<Pick<MapDashboardHook, 'selectedGrid' | 'routeLengthMetres' | 'live' | 'plan' | 'gridCoverage' | 'overviewUnit' | 'locatedIncident' | 'deskQueue' | 'deskIncident' | 'fieldLiveReloads' | 'focus' | 'stale'>>;

declare global { interface Window { mapDashboard?: MapDashboardHook } }

/** A grid fill probe keeps this far (map px) from anything else drawn… */
const PROBE_CLEARANCE_PX = 10;
/** …and from a worker dot's centre this much further: its largest radius (7) and stroke (3) (layers/workers.ts). */
const DOT_RADIUS_PX = 10;

/** While waiting for a complete render: how often to ask for one (see `idle`). */
const NUDGE_MS = 1000;

const nameOf = (l: Layer) => l.get('name') as string | undefined;
// A live overlay (src/live/overlays.ts) reports under the name of the tile layer it completes.
const reportedName = (l: Layer) => nameOf(l) ?? (l.get('overlayOf') as string | undefined);
const propsOf = (f: FeatureLike) => {
  const { geometry: _g, ...rest } = f.getProperties();
  return rest;
};

export function installHook(view: MapDashboardHook['view'], map: Map, palette: Palette, dataLoaded: Promise<unknown>, extra: Extra = {}) {
  // A live view draws its worker dots on a map of their own over this one, a desk its base map on one under it
  // (map/animationMap.ts): same view, same pixels. Their layers count as this map's, hit in the order they are drawn.
  const maps = () => [...mapsOver(map), map, ...mapsUnder(map)];
  const layers = () => maps().flatMap((m) => m.getAllLayers()).filter((l) => nameOf(l));
  const byName = (name: string) => layers().find((l) => nameOf(l) === name);
  const viewExtent = () => map.getView().calculateExtent(map.getSize());
  const toPage = (px: number[]) => mapPixelToPage(map, px);
  const toMap = (x: number, y: number) => pagePixelToMap(map, x, y);

  // OpenLayers judges "complete" only when it renders, and the map renders only when something on it changes: a
  // source or renderer that settles without a change event would leave the last render incomplete for good. The
  // wall's map used to re-render 11 times a second for its overdue rings, which hid that; they are on a map of their
  // own now (map/animationMap.ts). So, while waiting, a render is asked for every NUDGE_MS.
  const idle = () => new Promise<void>((resolve) => {
    const nudge = setInterval(() => map.render(), NUDGE_MS);
    const check = () => {
      const v = map.getView();
      if (v.getAnimating() || v.getInteracting()) map.once('rendercomplete', check);
      else { clearInterval(nudge); resolve(); }
    };
    map.once('rendercomplete', check);
    map.render();
  });

  const featuresOf = (layer: string, keep: (f: FeatureLike) => boolean = () => true): FeatureLike[] =>
    withOverlay(byName(layer)).flatMap((l) => drawnFeatures(map, l, viewExtent()).filter(keep));

  function renderedFeatures(name: string): Record<string, unknown>[] {
    const seen = new Set<unknown>();
    const out: Record<string, unknown>[] = [];
    for (const f of featuresOf(name)) {
      const key = f.get('code') ?? f.getId() ?? f;
      if (seen.has(key)) continue; // a polygon crossing tiles comes once per tile
      seen.add(key);
      out.push(propsOf(f));
    }
    return out;
  }

  function featuresAt(x: number, y: number, hitTolerance = 3) {
    const hits: { layer: string; properties: Record<string, unknown> }[] = [];
    for (const m of maps()) {
      m.forEachFeatureAtPixel(toMap(x, y), (f, l) => {
        hits.push({ layer: reportedName(l) ?? '', properties: propsOf(f) });
      }, { hitTolerance, layerFilter: (l) => !!reportedName(l) }); // not the wall's passing pulses
    }
    return hits;
  }

  // A point is only usable if no panel, legend or popup covers the map there.
  const onMapCanvas = (x: number, y: number) => {
    const top = document.elementFromPoint(x, y);
    return !!top && top.tagName === 'CANVAS' && map.getViewport()!.contains(top);
  };

  // Where to look for a feature on screen: its own point, else a lattice over its
  // (tile-clipped) extent, centre first. Hit detection then confirms what is really drawn.
  function candidatePixels(f: FeatureLike): [number, number][] {
    const g = f.getGeometry()!;
    const e = g.getExtent();
    const coords: number[][] = [getCenter(e)];
    if (g.getType() !== 'Point') {
      for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) coords.push([e[0] + (e[2] - e[0]) * i / 8, e[1] + (e[3] - e[1]) * j / 8]);
    }
    const [w, h] = map.getSize() ?? [0, 0];
    return coords.map((c) => map.getPixelFromCoordinate(c))
      .filter((px) => px && px[0] >= 20 && px[1] >= 20 && px[0] <= w - 20 && px[1] <= h - 20)
      .map(toPage)
      .filter(([x, y]) => onMapCanvas(x, y));
  }

  function pixelOfFeature(layer: string, code: string): [number, number] | null {
    for (const f of featuresOf(layer, (x) => x.get('code') === code)) {
      for (const [x, y] of candidatePixels(f)) {
        const top = featuresAt(x, y)[0];
        if (top && top.layer === layer && top.properties.code === code) return [Math.round(x), Math.round(y)];
      }
    }
    return null;
  }

  // Map pixels of the worker dots drawn, from their positions (no hit detection needed).
  const dotPixels = () => featuresOf('workers').map((f) => map.getPixelFromCoordinate((f.getGeometry() as Point).getCoordinates()));

  function probeGridFill(code?: string, status?: string) {
    const candidates = featuresOf('grids', (f) =>
      (f.get('kind') === 'community_grid' || f.get('kind') === 'dedicated_grid') &&
      (!code || f.get('code') === code) && (!status || f.get('status') === status));
    let dots: number[][] | null = null;
    const nearDot = (x: number, y: number) => {
      const [mx, my] = toMap(x, y);
      return (dots ??= dotPixels()).some((d) => d && Math.hypot(d[0] - mx, d[1] - my) < PROBE_CLEARANCE_PX + DOT_RADIUS_PX);
    };
    for (const f of candidates) {
      for (const [x, y] of candidatePixels(f)) {
        // Only the grid's fill may be drawn here, and nothing else within 10 px: anti-aliased
        // edges of a nearby line or symbol, or a worker dot, would tint the pixel.
        const hits = featuresAt(x, y, PROBE_CLEARANCE_PX);
        if (hits.length === 1 && hits[0].layer === 'grids' && hits[0].properties.code === f.get('code') && !nearDot(x, y)) {
          const s = f.get('status') as 'red' | 'yellow' | 'blue';
          return {
            x: Math.round(x), y: Math.round(y), code: f.get('code'), status: s,
            expectedRgb: blendOverBackground(palette.gridFill[s], palette.background),
          };
        }
      }
    }
    return null;
  }

  function labels(name: string) {
    const resolution = map.getView().getResolution()!;
    const texts: string[] = [];
    let declutter = false;
    for (const l of withOverlay(byName(name))) {
      declutter ||= !!(l as { getDeclutter?: () => unknown }).getDeclutter?.();
      const style = l.get('styleFn') as StyleFunction | undefined;
      for (const f of drawnFeatures(map, l, viewExtent())) {
        const drawn = style?.(f, resolution);
        // Read at once: layers share one Style per kind and set its text per feature.
        for (const st of Array.isArray(drawn) ? drawn : drawn ? [drawn] : []) {
          const text = st.getText()?.getText();
          if (text) texts.push(Array.isArray(text) ? text.filter((_, i) => i % 2 === 0).join('') : text);
        }
      }
    }
    return { texts, declutter };
  }

  let markReady!: () => void;
  const hook: MapDashboardHook = {
    view,
    lang,
    ready: false,
    whenReady: new Promise<void>((res) => (markReady = res)),
    idle,
    zoom: () => map.getView().getZoom() ?? 0,
    extent: () => transformExtent(viewExtent(), 'EPSG:3857', 'EPSG:4326') as [number, number, number, number],
    layerNames: () => layers().map((l) => nameOf(l)!),
    renderedFeatures,
    renderedCounts: () => Object.fromEntries(layers().map((l) => [nameOf(l)!, renderedFeatures(nameOf(l)!).length])),
    pixelOf: (lon, lat) => toPage(map.getPixelFromCoordinate(fromLonLat([lon, lat]))),
    lonLatAt: (x, y) => toLonLat(map.getCoordinateFromPixel(toMap(x, y))) as [number, number],
    pixelOfFeature,
    featuresAt,
    probeGridFill,
    labels,
    colours: () => ({ hatch: hexRgb(palette.hatch), overdue: hexRgb(palette.overdue) }),
    selectedGrid: extra.selectedGrid ?? (() => null),
    routeLengthMetres: extra.routeLengthMetres ?? (() => null),
    live: extra.live ?? (() => null),
    plan: extra.plan ?? (() => null),
    gridCoverage: extra.gridCoverage ?? (() => null),
    overviewUnit: extra.overviewUnit ?? (() => null),
    locatedIncident: extra.locatedIncident ?? (() => null),
    deskQueue: extra.deskQueue ?? (() => null),
    deskIncident: extra.deskIncident ?? (() => null),
    fieldLiveReloads: extra.fieldLiveReloads ?? (() => null),
    focus: extra.focus ?? (() => null),
    stale: extra.stale ?? (() => null),
    renderProfile: renderProfiler(map).take,
    tileResampling: () => [...new Set(map.getAllLayers().filter((l) => l instanceof VectorTileLayer)
      .map((l): TileResampling => ((l as VectorTileLayer).getSource()?.getInterpolate() === false ? 'nearest' : 'linear')))],
    workerDots: () => {
      const dots = byName('workers');
      if (!dots) return null;
      return { drawnAs: dots instanceof WebGLVectorLayer ? 'webgl' : 'canvas', ownMap: !map.getAllLayers().includes(dots as never) };
    },
  };
  window.mapDashboard = hook;

  // Ready = data loaded (labels, selected grid…) and then one full render with all tiles in.
  dataLoaded.then(idle).then(() => {
    hook.ready = true;
    document.body.dataset.ready = 'true';
    markReady();
  });
  return hook;
}

