import { Stroke, Style } from 'ol/style';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// Today's walked tracks (tile layer "tracks": one multi-line per worker, trusted pings only).
// One constant style, quieter than anything that asks for action: a thin, faint, muted line (palette.track), so the
// grid colours stay readable underneath and incidents, hazards and workers (all drawn above) stand out.
// `maxResolution`: drawn (and loaded) only from there in (src/map/levelOfDetail.ts; the wall's choice).
export function trackLayer(p: Palette, config: TileSetup, maxResolution?: number) {
  const style = new Style({ stroke: new Stroke({ color: p.track, width: 1.5, lineCap: 'round', lineJoin: 'round' }) });
  return mvtLayer({ source: 'tracks', name: 'tracks', style: () => style, config, zIndex: 44, maxResolution });
}
