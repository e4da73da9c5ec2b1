import type OlMap from 'ol/Map';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import type Layer from 'ol/layer/Layer';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Stroke, Style } from 'ol/style';
import { getCenter } from 'ol/extent';
import { asArray } from 'ol/color';
import { drawnFeatures, withOverlay } from '../map/drawnFeatures';
import type { Palette } from '../theme';
import { isOverdue, OVERDUE_RING_RADIUS } from './incidents';

const FRAME_MS = 90;     // ~11 frames a second: enough to read as a pulse, cheap on a wall PC
const PERIOD_MS = 1400;
const STEPS = 14;
const SPREAD = 9;        // px the ring grows beyond the static one (stays inside its hit area + 10 px)
const RESYNC_MS = 2000;  // how often the ring positions follow the incidents layer

/**
 * The wall's red pulse around every overdue incident, for as long as it is overdue: an
 * unnamed layer (the hook and hit detection ignore it) with one ring per overdue incident
 * the incidents layer draws in view, re-read every RESYNC_MS and after each live change.
 * Runs its timer only while some incident is overdue. The rings are drawn on `animated` (src/map/animationMap.ts), so
 * their frames do not redraw the whole map.
 */
export function overdueRings(map: OlMap, incidents: Layer, p: Palette, animated: OlMap = map) {
  const [r, g, b] = asArray(p.overdue);
  const styles = Array.from({ length: STEPS }, (_, i) => {
    const k = i / STEPS;
    return new Style({
      image: new Circle({
        radius: OVERDUE_RING_RADIUS + 2 + SPREAD * k,
        stroke: new Stroke({ color: `rgba(${r}, ${g}, ${b}, ${(0.9 * (1 - k)).toFixed(3)})`, width: 3 }),
      }),
    });
  });
  const source = new VectorSource();
  const layer = new VectorLayer({ source, zIndex: 59, updateWhileAnimating: true, visible: false, style: () => styles[phase] });
  animated.addLayer(layer);
  let phase = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  function sync() {
    const extent = map.getView().calculateExtent(map.getSize());
    const seen = new Set<string>();
    const points: Feature[] = [];
    for (const l of withOverlay(incidents)) {
      for (const f of drawnFeatures(map, l, extent)) {
        const code = f.get('code') as string;
        if (!isOverdue(f) || seen.has(code)) continue;
        seen.add(code);
        points.push(new Feature(new Point(getCenter(f.getGeometry()!.getExtent()))));
      }
    }
    // Nothing overdue, as before: no change event, so the map over the district's is not redrawn every RESYNC_MS for
    // nothing; and the layer hidden, so OpenLayers takes its full-screen canvas out of the page (one layer fewer for
    // the browser to composite in every frame).
    if (points.length || source.getFeatures().length) {
      source.clear(true);
      source.addFeatures(points);
    }
    layer.setVisible(points.length > 0);
    if (points.length && !timer) {
      timer = setInterval(() => { phase = Math.floor(((performance.now() % PERIOD_MS) / PERIOD_MS) * STEPS); layer.changed(); }, FRAME_MS);
    } else if (!points.length && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }
  setInterval(sync, RESYNC_MS);
  return { sync, count: () => source.getFeatures().length };
}
