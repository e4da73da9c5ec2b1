import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import Point from 'ol/geom/Point';
import { fromLonLat } from 'ol/proj';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { RouteAnalysis } from '../patrolApi';
import { css, hexRgb, type Palette, type Rgba } from '../theme';
import { geoJsonLayer } from '../map/geoJsonLayer';

// What the draft route covers (its buffer of the visit radius, clipped as the server
// computed it) and what it misses (a ring on each building entrance or hazard it does not
// reach): the planner sees the gap on the map, not only in the list. The buffer is tinted
// in the route's colour, not the green of walked coverage: planned is not done.
export function routeAnalysisLayer(p: Palette) {
  const covered = new Style({ fill: new Fill({ color: css([...hexRgb(p.route), 0.14] as Rgba) }), stroke: new Stroke({ color: p.route, width: 1, lineDash: [4, 4] }) });
  const miss = new Style({
    image: new Circle({ radius: 9, fill: new Fill({ color: 'rgba(255, 255, 255, 0.6)' }), stroke: new Stroke({ color: p.missed, width: 3 }) }),
    zIndex: 1,
  });
  const style = (f: FeatureLike) => (f.get('kind') ? miss : covered);
  const { source, layer, format } = geoJsonLayer('routeAnalysis', style, 93);
  return {
    layer,
    show(a: RouteAnalysis | null) {
      source.clear();
      if (!a) return;
      if (a.covered) source.addFeature(new Feature({ geometry: format.readGeometry(a.covered) ?? undefined, area: 'covered' }));
      source.addFeatures(a.misses.map((m) => new Feature({ geometry: new Point(fromLonLat([m.lon, m.lat])), kind: m.kind, code: m.code, name: m.name })));
    },
  };
}
