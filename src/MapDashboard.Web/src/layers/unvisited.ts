import { Circle, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// Buildings and hazard points nobody visited today (tile layer "unvisited": kind, code):
// a hollow ring for a point, a dashed outline for a footprint, in one warning colour —
// the planner's and the leader's "still to do".
export function unvisitedLayer(p: Palette, config: TileSetup) {
  const width = p.name === 'dark' ? 3 : 2.5;
  const ring = new Style({
    image: new Circle({
      radius: p.name === 'dark' ? 11 : 9,
      stroke: new Stroke({ color: p.unvisited, width }),
      // As for hazards: a point symbol in a vector tile layer is hit-detected only without declutter.
      declutterMode: 'none',
    }),
  });
  const outline = new Style({ stroke: new Stroke({ color: p.unvisited, width, lineDash: [6, 4] }) });
  const style = (f: FeatureLike) => (f.getGeometry()?.getType().endsWith('Point') ? ring : outline);
  return mvtLayer({ source: 'unvisited', name: 'unvisited', style, config, zIndex: 52, live: false });
}
