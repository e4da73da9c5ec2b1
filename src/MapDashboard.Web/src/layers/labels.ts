import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Text } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { fromLonLat } from 'ol/proj';
import type { TerritoryUnit } from '../api';
import { FONT_STACK, type Palette } from '../theme';

// Street and community names, one point per unit from GET /api/territory. Labelling
// the tile polygons instead would repeat a name in every tile the polygon crosses.
// The bbox centre is good enough for the compact units of a district; decluttering
// drops community names where they would collide with a street name.
export function labelLayer(p: Palette, units: TerritoryUnit[]) {
  const features = units
    .filter((u) => u.kind === 'street' || u.kind === 'community')
    .map((u) => {
      const [minX, minY, maxX, maxY] = u.bbox;
      const f = new Feature({ geometry: new Point(fromLonLat([(minX + maxX) / 2, (minY + maxY) / 2])) });
      f.setProperties({ code: u.code, name: u.name, kind: u.kind });
      return f;
    });

  const textStyle = (px: number, weight: number, colour: string) => new Text({
    font: `${weight} ${px}px ${FONT_STACK}`,
    fill: new Fill({ color: colour }),
    stroke: new Stroke({ color: p.labelHalo, width: Math.max(3, px / 5) }),
    overflow: true,
  });
  // One Style per kind; only the text string changes per feature. Setting the text on
  // a shared Style is safe because OpenLayers reads it synchronously while drawing.
  const street = new Style({ text: textStyle(p.streetLabelPx, 800, p.label), zIndex: 2 });
  const community = new Style({ text: textStyle(p.communityLabelPx, 700, p.label), zIndex: 1 });
  const style = (f: FeatureLike, resolution: number) => {
    const kind = f.get('kind');
    // Community names only once they fit (below ~25 m/px), street names at all zooms.
    if (kind === 'community' && resolution > 25) return undefined;
    const s = kind === 'street' ? street : community;
    s.getText()!.setText(f.get('name'));
    return s;
  };

  return new VectorLayer({
    source: new VectorSource({ features }),
    style,
    declutter: true,
    zIndex: 90,
    properties: { name: 'labels', styleFn: style },
  });
}
