import { Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import { css, type Palette } from '../theme';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';

const STATUSES = ['red', 'yellow', 'blue'] as const;

// Community and dedicated grids carry the 红黄蓝 status as a translucent fill;
// micro-grids subdivide them and only need a hairline. Police grids (警格) are a
// separate partition drawn above buildings by policeGridLayer.
export function gridLayer(p: Palette, config: TileSetup) {
  const fills = Object.fromEntries(STATUSES.map((s) => [s, new Style({
    fill: new Fill({ color: css(p.gridFill[s]) }),
    stroke: new Stroke({ color: p.gridStroke[s], width: 1.2 }),
  })])) as Record<string, Style>;
  const micro = new Style({ stroke: new Stroke({ color: p.microGrid, width: 0.75 }) });
  const style = (f: FeatureLike, resolution: number) => {
    const kind = f.get('kind');
    if (kind === 'micro_grid') return resolution < NEIGHBOURHOOD_RESOLUTION ? micro : undefined;
    if (kind === 'community_grid' || kind === 'dedicated_grid') return fills[f.get('status')] ?? fills.blue;
    return undefined;
  };
  return mvtLayer({ source: 'grids', name: 'grids', style, config, zIndex: 20 });
}

export function policeGridLayer(p: Palette, config: TileSetup) {
  const dashed = new Style({ stroke: new Stroke({ color: p.policeGrid, width: 2, lineDash: [10, 7] }) });
  const style = (f: FeatureLike) => (f.get('kind') === 'police_grid' ? dashed : undefined);
  return mvtLayer({ source: 'grids', name: 'policeGrids', style, config, zIndex: 45 });
}
