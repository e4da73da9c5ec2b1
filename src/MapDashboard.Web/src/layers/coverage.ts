import { Fill, Stroke, Style } from 'ol/style';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import { css, type Palette } from '../theme';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';

// Today's covered area per grid (tile layer "coverage"): land within the visit radius of a
// track. A light green wash over the status fill, so a grid's colour and how much of it
// was walked read together.
// Drawn (and loaded) only from NEIGHBOURHOOD_RESOLUTION in (src/map/levelOfDetail.ts): further out the grids' colours
// say the same, and a city's 1,607 coverage areas cost every redraw of the map.
export function coverageLayer(p: Palette, config: TileSetup) {
  const style = new Style({ fill: new Fill({ color: css(p.coverage) }), stroke: new Stroke({ color: p.coverageStroke, width: 1 }) });
  return mvtLayer({ source: 'coverage', name: 'coverage', style: () => style, config, zIndex: 22, maxResolution: NEIGHBOURHOOD_RESOLUTION });
}
