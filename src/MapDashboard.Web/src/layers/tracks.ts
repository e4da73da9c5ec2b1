import { Stroke, Style } from 'ol/style';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// Today's walked tracks (tile layer "tracks": one multi-line per worker, trusted pings only).
// One constant style: thin enough that the grid colours stay readable underneath.
export function trackLayer(p: Palette, config: TileSetup) {
  const style = new Style({ stroke: new Stroke({ color: p.track, width: p.name === 'dark' ? 3 : 2.5, lineCap: 'round', lineJoin: 'round' }) });
  return mvtLayer({ source: 'tracks', name: 'tracks', style: () => style, config, zIndex: 44 });
}
