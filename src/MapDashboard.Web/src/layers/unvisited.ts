import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';
import { NEIGHBOURHOOD_RESOLUTION } from '../map/levelOfDetail';

// Buildings (at their entrance) and hazard points nobody visited today (tile layer
// "unvisited": kind, code). At the start of a day that is nearly everything, so the marks
// stay quiet: a small dot at a building's entrance, and a dashed ring round a hazard's own
// symbol only at a desk zoomed in on a few streets. On the wall, and at a desk looking at the
// whole district, every mark is the small dot: the district is sprinkled with what is still
// to do, and the sprinkle thins as the day's patrols visit — what a glance should see. Only from NEIGHBOURHOOD_RESOLUTION
// in (level of detail): a city's 60,000 marks at district zoom were one even carpet that cost seconds a frame; the
// coverage wash and the grid colours say the same there.
/** Web Mercator metres per pixel at about zoom 16.7 (a few blocks on screen): closer in, hazards get their ring. */
const RING_BELOW_RESOLUTION = 1.5;

export function unvisitedLayer(p: Palette, config: TileSetup) {
  const wall = p.name === 'dark';
  // As for hazards: a point symbol in a vector tile layer is hit-detected only without declutter.
  const building = new Style({
    image: new Circle({
      radius: wall ? 2.5 : 3.5, fill: new Fill({ color: p.unvisited }),
      stroke: wall ? undefined : new Stroke({ color: p.labelHalo, width: 1.5 }), declutterMode: 'none',
    }),
  });
  const hazard = wall ? building
    : new Style({ image: new Circle({ radius: 11, stroke: new Stroke({ color: p.unvisited, width: 2.5, lineDash: [4, 3] }), declutterMode: 'none' }) });
  const style = (f: FeatureLike, resolution: number) => (f.get('kind') === 'hazard' && resolution < RING_BELOW_RESOLUTION ? hazard : building);
  return mvtLayer({ source: 'unvisited', name: 'unvisited', style, config, zIndex: 52, maxResolution: NEIGHBOURHOOD_RESOLUTION });
}
