import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { ChangeItem } from '../live/protocol';
import { tFill, t } from '../i18n';
import { FONT_STACK, type Palette } from '../theme';

// A worker who has not pinged for this long has gone off shift (or lost the phone):
// dropping them keeps the layer, and a wall's memory, from growing over days.
const FORGET_AFTER_MS = 12 * 3600_000;
// Ages shown are in minutes: redrawing twice a minute keeps them true without a ticking map.
const AGE_REFRESH_MS = 30_000;

/** "刚刚" / "5 分钟前" / "2 小时前": how old a ping is, for the label. */
export function pingAge(recordedAt: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(recordedAt)) / 60_000);
  if (!(minutes >= 1)) return t('pingJustNow'); // also for a clock slightly ahead of ours
  return minutes < 60 ? tFill('pingMinutes', { n: minutes }) : tFill('pingHours', { n: Math.floor(minutes / 60) });
}

/**
 * Grid workers' live positions from the hub's coalesced `positions` messages (latest
 * per worker). There is no snapshot to load: the layer shows what has arrived since the
 * page opened. A dot and "name · age of the last ping"; one Style, text set per feature.
 */
export function workerLayer(p: Palette, projection: string) {
  const dot = new Style({
    image: new Circle({ radius: 7, fill: new Fill({ color: p.label }), stroke: new Stroke({ color: p.selection, width: 3 }) }),
    zIndex: 1,
  });
  const label = new Style({
    text: new Text({
      font: `600 ${Math.round(p.communityLabelPx * 0.8)}px ${FONT_STACK}`,
      offsetY: -18,
      fill: new Fill({ color: p.label }),
      stroke: new Stroke({ color: p.labelHalo, width: 4 }),
    }),
    zIndex: 2,
  });
  const style = (f: FeatureLike) => {
    label.getText()!.setText(`${f.get('name') ?? f.get('code') ?? t('worker')} · ${pingAge(f.get('recordedAt'))}`);
    return [dot, label];
  };

  const source = new VectorSource();
  const layer = new VectorLayer({ source, style, zIndex: 70, properties: { name: 'workers', styleFn: style } });
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: projection });

  const drop = (f: Feature) => { source.removeFeature(f); f.dispose(); };
  setInterval(() => {
    const now = Date.now();
    for (const f of source.getFeatures()) if (now - Date.parse(f.get('recordedAt')) > FORGET_AFTER_MS) drop(f);
    layer.changed();
  }, AGE_REFRESH_MS);

  return {
    layer,
    /** Latest positions: each replaces the worker's previous one. */
    apply(items: ChangeItem[]) {
      for (const item of items) {
        const old = source.getFeatureById(item.id) as Feature | null;
        if (old) drop(old);
        if (item.op === 'delete' || !item.feature) continue;
        const f = format.readFeature(item.feature) as Feature;
        f.setId(item.id);
        source.addFeature(f);
      }
    },
  };
}
