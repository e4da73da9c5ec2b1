import { Stroke, Style } from 'ol/style';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';

// Today's walked tracks (tile layer "tracks": one multi-line per worker, trusted pings only).
// One constant style, quieter than anything that asks for action: a thin, faint, muted line (palette.track), so the
// grid colours stay readable underneath and incidents, hazards and workers (all drawn above) stand out.
// Drawn (and loaded) only from NEIGHBOURHOOD_RESOLUTION in (src/map/levelOfDetail.ts): a city's 2,000 tracks at
// district zoom are a faint carpet that costs every redraw of the map.
export function trackLayer(p: Palette, config: TileSetup) {
  const style = new Style({ stroke: new Stroke({ color: p.track, width: 1.5, lineCap: 'round', lineJoin: 'round' }) });
  return mvtLayer({ source: 'tracks', name: 'tracks', style: () => style, config, zIndex: 44, maxResolution: NEIGHBOURHOOD_RESOLUTION });
}
