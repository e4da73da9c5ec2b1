import { Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// The offline base map: a command centre has no internet, so roads and water come
// from our own database as vector tiles.
export function waterLayer(p: Palette, config: TileSetup, path?: string) {
  const water = new Style({ fill: new Fill({ color: p.water }), stroke: new Stroke({ color: p.waterStroke, width: 1 }) });
  return mvtLayer({ source: 'water', name: 'water', style: () => water, config, zIndex: 5, path });
}

const ROAD_WIDTH: Record<string, number> = { primary: 5, secondary: 3.5, residential: 2, path: 1 };

export function roadLayer(p: Palette, config: TileSetup, path?: string) {
  const styles = Object.fromEntries(Object.entries(ROAD_WIDTH).map(([cls, width]) => [cls, new Style({
    stroke: new Stroke({
      color: cls === 'primary' || cls === 'secondary' ? p.roadMajor : p.road,
      width,
      lineDash: cls === 'path' ? [3, 3] : undefined,
    }),
    zIndex: width,
  })])) as Record<string, Style>;
  const style = (f: FeatureLike) => styles[f.get('class') as string] ?? styles.residential;
  return mvtLayer({ source: 'roads', name: 'roads', style, config, zIndex: 10, path });
}
