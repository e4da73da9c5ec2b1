import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import type { Category } from '../api';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';

/** What still shows of the hazards at district zoom (level of detail): the critical ones not yet resolved. */
const STANDS_OUT = new Set(['critical']);

// Distinct hues that survive on both palettes; categories take them in sort order.
// Sixteen, enough for the demo's category list without two categories sharing a colour.
const CATEGORY_COLOURS = [
  '#f97316', '#a855f7', '#06b6d4', '#ef4444', '#84cc16', '#eab308', '#ec4899', '#14b8a6',
  '#e11d48', '#6366f1', '#fca5a5', '#78350f', '#0ea5e9', '#65a30d', '#c026d3', '#94a3b8',
];
const SEVERITY_RADIUS: Record<string, number> = { low: 5, medium: 6.5, high: 8, critical: 10 };

export function categoryColour(categories: Category[], code: string): string {
  const i = categories.findIndex((c) => c.code === code);
  return CATEGORY_COLOURS[(i < 0 ? categories.length : i) % CATEGORY_COLOURS.length];
}

export function hazardLayer(p: Palette, config: TileSetup, categories: Category[]) {
  // One style per (category, severity, resolved) made on first use and kept: bounded by
  // the category list, never per feature.
  const cache = new Map<string, Style>();
  const style = (f: FeatureLike, resolution: number) => {
    const category = f.get('category') as string;
    const severity = (f.get('severity') as string) ?? 'medium';
    const resolved = f.get('status') === 'resolved';
    if (resolution > NEIGHBOURHOOD_RESOLUTION && (resolved || !STANDS_OUT.has(severity))) return undefined;
    const key = `${category}|${severity}|${resolved}`;
    let s = cache.get(key);
    if (!s) {
      const colour = categoryColour(categories, category);
      s = new Style({
        image: new Circle({
          radius: SEVERITY_RADIUS[severity] ?? 6,
          fill: resolved ? undefined : new Fill({ color: colour }),
          stroke: new Stroke({ color: resolved ? colour : p.labelHalo, width: resolved ? 2 : 1.5 }),
          // OpenLayers 10 hit-detects a point symbol of a vector tile layer only if it was
          // decluttered or may never be: without this a hazard cannot be clicked or found.
          declutterMode: 'none',
        }),
        // Worse hazards draw on top of milder neighbours.
        zIndex: Object.keys(SEVERITY_RADIUS).indexOf(severity),
      });
      cache.set(key, s);
    }
    return s;
  };
  return mvtLayer({ source: 'hazards', name: 'hazards', style, config, zIndex: 50 });
}
