import { Fill, Stroke, Style } from 'ol/style';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import { css, type Palette } from '../theme';

// Today's covered area per grid (tile layer "coverage"): land within the visit radius of a
// track. A light green wash over the status fill, so a grid's colour and how much of it
// was walked read together.
// `maxResolution`: drawn (and loaded) only from there in (src/map/levelOfDetail.ts; the wall's choice).
export function coverageLayer(p: Palette, config: TileSetup, maxResolution?: number) {
  const style = new Style({ fill: new Fill({ color: css(p.coverage) }), stroke: new Stroke({ color: p.coverageStroke, width: 1 }) });
  return mvtLayer({ source: 'coverage', name: 'coverage', style: () => style, config, zIndex: 22, maxResolution });
}
