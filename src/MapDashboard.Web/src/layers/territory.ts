import { Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// District, street and community boundaries: outlines only, no fill, so the grid
// status colours underneath read true (and the tests can sample them).
export function territoryLayer(p: Palette, config: TileSetup) {
  const styles: Record<string, Style[]> = {
    // A soft wide line under a crisp one makes the district edge read as a border from afar.
    district: [
      new Style({ stroke: new Stroke({ color: p.district, width: 9 }), zIndex: 3, }),
      new Style({ stroke: new Stroke({ color: p.background, width: 3 }), zIndex: 4 }),
    ],
    street: [new Style({ stroke: new Stroke({ color: p.street, width: 2.5 }), zIndex: 2 })],
    community: [new Style({ stroke: new Stroke({ color: p.community, width: 1.2, lineDash: [6, 4] }), zIndex: 1 })],
  };
  const style = (f: FeatureLike) => styles[f.get('kind') as string];
  return mvtLayer({ source: 'territory', name: 'territory', style, config, zIndex: 40 });
}
