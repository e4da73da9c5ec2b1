import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { fromLonLat } from 'ol/proj';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { ChangeItem } from '../live/protocol';
import type { WorkerPosition } from '../patrolApi';
import { tFill, t } from '../i18n';
import { FONT_STACK, type Palette } from '../theme';

// A worker who has not pinged for this long has gone off shift (or lost the phone):
// dropping them keeps the layer, and a wall's memory, from growing over days.
const FORGET_AFTER_MS = 12 * 3600_000;
// Ages shown are in minutes: redrawing twice a minute keeps them true without a ticking map.
const AGE_REFRESH_MS = 30_000;
// A ping older than this is no longer "where they are now": the dot fades, so a glance at
// the wall tells live positions from last-known ones.
const STALE_AFTER_MS = 10 * 60_000;
/**
 * Labels only from this close in (metres per pixel; about zoom 15.5): at district zoom forty labels piled up over
 * the grids and said nothing from across the room, and the wall, whose account gets no names, only showed codes.
 * Where labels show, they are decluttered: one that would overlap another is left out, never the dot.
 */
export const WORKER_LABEL_MAX_RESOLUTION = 2.5;

/** "刚刚" / "5 分钟前" / "2 小时前": how old a ping is, for the label. */
export function pingAge(recordedAt: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(recordedAt)) / 60_000);
  if (!(minutes >= 1)) return t('pingJustNow'); // also for a clock slightly ahead of ours
  return minutes < 60 ? tFill('pingMinutes', { n: minutes }) : tFill('pingHours', { n: Math.floor(minutes / 60) });
}

const isStale = (recordedAt: string, now = Date.now()) => now - Date.parse(recordedAt) > STALE_AFTER_MS;

/**
 * Grid workers' positions: the snapshot (GET /api/patrols/workers, load()) and then the
 * hub's coalesced `positions` messages (apply()). Features are keyed by the worker's code,
 * which both carry; an older position never replaces a newer one, whichever arrives last.
 * A dot, and when zoomed in "name · age of the last ping"; a stale ping is drawn faded.
 * Styles are made once: two dots, two labels, the text set per feature.
 */
export function workerLayer(p: Palette, projection: string) {
  const labelFont = `600 ${Math.round(p.communityLabelPx * 0.8)}px ${FONT_STACK}`;
  const dot = (fill: string, ring: string) => new Style({
    image: new Circle({ radius: 7, fill: new Fill({ color: fill }), stroke: new Stroke({ color: ring, width: 3 }), declutterMode: 'none' }),
    zIndex: 1,
  });
  const label = (colour: string) => new Style({
    text: new Text({ font: labelFont, offsetY: -18, fill: new Fill({ color: colour }), stroke: new Stroke({ color: p.labelHalo, width: 4 }) }),
    zIndex: 2,
  });
  const fresh = [dot(p.label, p.selection), label(p.label)];
  const stale = [dot('rgba(148, 163, 184, 0.55)', 'rgba(148, 163, 184, 0.8)'), label('rgba(148, 163, 184, 0.95)')];
  const style = (f: FeatureLike, resolution: number) => {
    const recordedAt = f.get('recordedAt') as string;
    const styles = isStale(recordedAt) ? stale : fresh;
    if (resolution > WORKER_LABEL_MAX_RESOLUTION) return styles[0];
    styles[1].getText()!.setText(`${f.get('name') ?? f.get('code') ?? t('worker')} · ${pingAge(recordedAt)}`);
    return styles;
  };

  const source = new VectorSource();
  const layer = new VectorLayer({ source, style, declutter: true, zIndex: 70, properties: { name: 'workers', styleFn: style } });
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });

  const drop = (f: Feature) => { source.removeFeature(f); f.dispose(); };
  setInterval(() => {
    const now = Date.now();
    for (const f of source.getFeatures()) if (now - Date.parse(f.get('recordedAt')) > FORGET_AFTER_MS) drop(f);
    layer.changed();
  }, AGE_REFRESH_MS);

  // The newer position wins; an equal one replaces (a live copy of the snapshot's ping).
  function put(f: Feature) {
    const code = f.get('code') as string;
    const old = source.getFeatureById(code) as Feature | null;
    if (old && Date.parse(old.get('recordedAt')) > Date.parse(f.get('recordedAt'))) return;
    if (old) drop(old);
    f.setId(code);
    source.addFeature(f);
  }

  return {
    layer,
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
