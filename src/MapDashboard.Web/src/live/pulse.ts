import type OlMap from 'ol/Map';
import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Stroke, Style } from 'ol/style';
import { asArray } from 'ol/color';
import { getCenter } from 'ol/extent';
import { mapPixelToPage } from '../map/pagePixels';
import type { Palette } from '../theme';

/** How long a new or changed feature stands out on the wall before it settles. */
export const PULSE_MS = 5000;
const PERIOD_MS = 1250; // four expanding rings in five seconds
const STEPS = 20;
// A replay after a long outage can bring hundreds of changes at once; a wall full of
// rings says nothing, and each ring costs a redraw per frame.
const MAX_PULSES = 40;
// The rings move 12 times a second, not every animation frame: each step redraws the animation map's full-screen
// canvas and has chromium rasterise and composite it again (~42 a second on the city wall before, the live window's
// largest native cost). 12 a second still reads as an expanding ring; the overdue rings run at 11.
const FRAME_MS = 80;

/** A pulse on screen, in page pixels: where its ring is centred (a point) or its outline's extent centre. */
export interface PulseAt { kind: 'ring' | 'outline'; x: number; y: number }

/**
 * The wall's "this just changed" cue: an expanding, fading ring around a point, a
 * glowing outline around a polygon, drawn above everything for PULSE_MS. Only the
 * geometry is copied: a pulse carries no properties, so no personal data can show.
 * Styles are made once per animation step; the frame only picks one. The layer is hidden while no pulse runs, so
 * that OpenLayers takes its canvas out of the page (nothing for the browser to composite on a quiet wall).
 * (Tried: pulses as CSS-animated DOM marks, no canvas at all; chromium's software compositor then redrew them every
 * step on its own threads, and under load the live wall drew fewer frames than with this layer — web README.)
 */
export function pulseLayer(map: OlMap, p: Palette) {
  const [r, g, b] = asArray(p.selection);
  const styles = Array.from({ length: STEPS }, (_, i) => {
    const k = i / STEPS; // 0 → 1 over one period
    const colour = `rgba(${r}, ${g}, ${b}, ${(0.95 * (1 - k)).toFixed(3)})`;
    return new Style({
      image: new Circle({ radius: 10 + 22 * k, stroke: new Stroke({ color: colour, width: 3 }) }),
      stroke: new Stroke({ color: colour, width: 2 + 8 * (1 - k) }),
    });
  });
  const started = new WeakMap<FeatureLike, number>();
  const style = (f: FeatureLike) => {
    const age = performance.now() - (started.get(f) ?? 0);
    return styles[Math.floor(((age % PERIOD_MS) / PERIOD_MS) * STEPS) % STEPS];
  };

  const source = new VectorSource();
  // No name: the test hook and hit detection skip it, so a pulse never hides what it marks.
  const layer = new VectorLayer({ source, style, zIndex: 85, visible: false });
  map.addLayer(layer);

  const stop = (pulse: Feature) => {
    source.removeFeature(pulse);
    pulse.dispose();
  };

  // One animation loop while any pulse lives; none at all on a quiet wall.
  let frame = 0;
  let startedCount = 0;
  const tick = () => {
    const now = performance.now();
    for (const f of source.getFeatures()) {
      if (now - started.get(f)! >= PULSE_MS) stop(f as Feature);
    }
    layer.changed(); // re-run the style function: a vector layer caches its last drawing
    const running = source.getFeatures().length > 0;
    layer.setVisible(running);
    frame = running ? window.setTimeout(tick, FRAME_MS) : 0;
  };

  return {
    layer,
    /** Starts (or restarts) the pulse of one feature, on a copy of its geometry; key = layer/id. */
    add(key: string, feature: Feature) {
      const geometry = feature.getGeometry();
      const previous = source.getFeatureById(key) as Feature | null;
      if (previous) stop(previous);
      if (!geometry || source.getFeatures().length >= MAX_PULSES) return;
      const pulse = new Feature(geometry.clone());
      pulse.setId(key);
      started.set(pulse, performance.now());
      source.addFeature(pulse);
      startedCount++;
      layer.setVisible(true);
      if (!frame) frame = window.setTimeout(tick, FRAME_MS);
    },
    /** A deleted feature stops pulsing at once: a ring around nothing would mislead. */
    remove(key: string) {
      const pulse = source.getFeatureById(key) as Feature | null;
      if (pulse) stop(pulse);
    },
    /** Pulses on screen now. */
    count: () => source.getFeatures().length,
    /** Pulses started since the page opened. */
    total: () => startedCount,
    /** Where the pulses on screen are (page pixels; the map may be drawn scaled on a wall's screen). */
    placed(): PulseAt[] {
      return source.getFeatures().flatMap((f) => {
        const g = f.getGeometry();
        const at = g && map.getPixelFromCoordinate(getCenter(g.getExtent()));
        if (!g || !at) return [];
        const [x, y] = mapPixelToPage(map, at);
        return [{ kind: g.getType().endsWith('Point') ? 'ring' : 'outline', x, y }];
      });
    },
  };
}
