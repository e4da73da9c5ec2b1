import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { fromLonLat } from 'ol/proj';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style';
import type { ChangeItem } from '../live/protocol';
import type { WorkerPosition } from '../patrolApi';
import { tFill, t } from '../i18n';
import { FONT_STACK, type Palette } from '../theme';
import { STREET_RESOLUTION } from '../map/levelOfDetail';
import type OlMap from 'ol/Map';

// A worker who has not pinged for this long has gone off shift (or lost the phone):
// dropping them keeps the layer, and a wall's memory, from growing over days.
const FORGET_AFTER_MS = 12 * 3600_000;
// Ages shown are in minutes: redrawing twice a minute keeps them true without a ticking map.
const AGE_REFRESH_MS = 30_000;
// A ping older than this is no longer "where they are now": the dot fades, so a glance at
// the wall tells live positions from last-known ones.
const STALE_AFTER_MS = 10 * 60_000;
/**
 * Labels only from street zoom in (src/map/levelOfDetail.ts): at district zoom forty labels piled up over the grids
 * and said nothing from across the room, and a city's 2,000 made a carpet. Where labels show, they are decluttered:
 * one that would overlap another is left out, never the dot.
 */
export const WORKER_LABEL_MAX_RESOLUTION = STREET_RESOLUTION;

/** "刚刚" / "5 分钟前" / "2 小时前": how old a ping is, for the label. */
export function pingAge(recordedAt: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(recordedAt)) / 60_000);
  if (!(minutes >= 1)) return t('pingJustNow'); // also for a clock slightly ahead of ours
  return minutes < 60 ? tFill('pingMinutes', { n: minutes }) : tFill('pingHours', { n: Math.floor(minutes / 60) });
}

const isStale = (recordedAt: string, now = Date.now()) => now - Date.parse(recordedAt) > STALE_AFTER_MS;

const STALE_FILL = 'rgba(148, 163, 184, 0.55)';
const STALE_STROKE = 'rgba(148, 163, 184, 0.8)';
/**
 * A dot's size: [resolution, px, resolution, px], linear between: full size from street zoom in; smaller further out,
 * where a city's 2,000 dots would cover the grid colours.
 */
const DOT_SIZE = { radius: [WORKER_LABEL_MAX_RESOLUTION, 7, 20, 3], strokeWidth: [WORKER_LABEL_MAX_RESOLUTION, 3, 20, 1] };
const sizeAt = ([r0, px0, r1, px1]: number[], resolution: number) =>
  px0 + (px1 - px0) * Math.min(1, Math.max(0, (resolution - r0) / (r1 - r0)));

/**
 * The dots as a canvas layer, for a map of their own. In chromium without a GPU (software rendering, as on the test
 * machines) WebGL dots, moved once a second at city scale, cost the page's main thread ~190 ms a second outside any
 * script (the profile's "(program)"), in two long frames each time: nearly all of the live wall's long frames, and on a
 * desk's map they redrew the whole city besides (src/MapDashboard.Web/README.md). A canvas layer on a map with nothing
 * else draws 2,000 cached circle images instead. Its styles are made once per half pixel of radius, fresh and stale.
 */
function canvasDots(p: Palette) {
  const cache = new Map<string, Style>();
  return (f: FeatureLike, resolution: number) => {
    const stale = f.get('stale') === 1;
    const radius = Math.round(sizeAt(DOT_SIZE.radius, resolution) * 2) / 2;
    const key = `${stale}/${radius}`;
    let style = cache.get(key);
    if (!style) {
      style = new Style({ image: new CircleStyle({
        radius,
        fill: new Fill({ color: stale ? STALE_FILL : p.label }),
        stroke: new Stroke({ color: stale ? STALE_STROKE : p.selection, width: sizeAt(DOT_SIZE.strokeWidth, resolution) }),
      }) });
      cache.set(key, style);
    }
    return style;
  };
}

/**
 * Grid workers' positions: the snapshot (GET /api/patrols/workers, load()) and then the
 * hub's coalesced `positions` messages (apply()). Features are keyed by the worker's code,
 * which both carry; an older position never replaces a newer one, whichever arrives last.
 * The dots are a canvas layer on a map of their own (map/animationMap.ts; see `canvasDots`): their moves redraw only
 * them, never the district under them. The names ("name · age of the last ping") are a canvas layer over the same
 * source on the district's map that exists only from street zoom in; a stale ping is drawn faded.
 */
export function workerLayer(p: Palette, projection: string) {
  const labelFont = `600 ${Math.round(p.communityLabelPx * 0.8)}px ${FONT_STACK}`;
  const label = (colour: string) => new Style({
    text: new Text({ font: labelFont, offsetY: -18, fill: new Fill({ color: colour }), stroke: new Stroke({ color: p.labelHalo, width: 4 }) }),
    zIndex: 2,
  });
  const fresh = label(p.label);
  const stale = label('rgba(148, 163, 184, 0.95)');
  const labelStyle = (f: FeatureLike, resolution: number) => {
    if (resolution > WORKER_LABEL_MAX_RESOLUTION) return undefined;
    const recordedAt = f.get('recordedAt') as string;
    const s = isStale(recordedAt) ? stale : fresh;
    s.getText()!.setText(`${f.get('name') ?? f.get('code') ?? t('worker')} · ${pingAge(recordedAt)}`);
    return s;
  };
  const source = new VectorSource();
  // What the names read while they are out of their zoom (see `place`).
  const none = new VectorSource();
  const labels = new VectorLayer({
    source, style: labelStyle, declutter: true, zIndex: 71, maxResolution: WORKER_LABEL_MAX_RESOLUTION,
    properties: { overlayOf: 'workers', styleFn: labelStyle },
  });
  // The test hook reads a layer together with its `overlay`: here the names drawn over the dots.
  const properties = { name: 'workers', overlay: labels };
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });

  const drop = (f: Feature) => { source.removeFeature(f); f.dispose(); };
  // `stale` (0/1) is kept on the feature: the dots' style reads it without parsing a date per dot and frame.
  const markStale = (f: Feature, now = Date.now()) => {
    const flag = isStale(f.get('recordedAt') as string, now) ? 1 : 0;
    if (f.get('stale') !== flag) f.set('stale', flag);
  };
  setInterval(() => {
    const now = Date.now();
    for (const f of source.getFeatures()) {
      if (now - Date.parse(f.get('recordedAt')) > FORGET_AFTER_MS) drop(f);
      else markStale(f, now);
    }
    if (labels.getSource() === source) labels.changed(); // not while out of their zoom (see `place`)
  }, AGE_REFRESH_MS);

  // The newer position wins; an equal one replaces (a live copy of the snapshot's ping).
  function put(f: Feature) {
    const code = f.get('code') as string;
    const old = source.getFeatureById(code) as Feature | null;
    if (old && Date.parse(old.get('recordedAt')) > Date.parse(f.get('recordedAt'))) return;
    if (old) drop(old);
    f.setId(code);
    markStale(f);
    source.addFeature(f);
  }

  return {
    /**
     * Puts the names on `map` and the dots on `dots` (the map of them over it, map/animationMap.ts).
     * The names read the positions only within their zoom: a layer whose source changes makes its map
     * redraw, drawn or not, and the district's map should not be redrawn for moves it does not show.
     */
    place(map: OlMap, dots: OlMap) {
      map.addLayer(labels);
      dots.addLayer(new VectorLayer({ source, style: canvasDots(p), zIndex: 70, properties }));
      const view = map.getView();
      const follow = () => {
        const wanted = view.getResolution()! <= WORKER_LABEL_MAX_RESOLUTION ? source : none;
        if (labels.getSource() !== wanted) labels.setSource(wanted);
      };
      view.on('change:resolution', follow);
      follow();
    },
    /** The snapshot: every worker's latest trusted ping (workers with none are skipped). */
    load(rows: WorkerPosition[]) {
      for (const w of rows) {
        if (w.lon == null || w.lat == null || !w.recordedAt) continue;
        put(new Feature({ geometry: new Point(fromLonLat([w.lon, w.lat], projection)), code: w.code, name: w.name, recordedAt: w.recordedAt, accuracy: w.accuracy }));
      }
    },
    /** Latest positions from the hub: each replaces the worker's previous one. */
    apply(items: ChangeItem[]) {
      for (const item of items) {
        if (item.op === 'delete' || !item.feature) {
          // A delete carries no properties: find the worker by the live id (the person's).
          const old = source.getFeatures().find((f) => f.get('liveId') === item.id);
          if (old) drop(old);
          continue;
        }
        const f = format.readFeature(item.feature) as Feature;
        f.set('liveId', item.id);
        put(f);
      }
    },
  };
}
