import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { Fill, Stroke, Style, Text } from 'ol/style';
import type { RouteFeature } from '../patrolApi';
import { FONT_STACK, type Palette } from '../theme';
import { geoJsonLayer } from '../map/geoJsonLayer';

// The day's saved routes, thin and labelled with their name, under the draft: the planner
// sees what colleagues have planned (they arrive live) while drawing a new one.
export function savedRoutesLayer(p: Palette) {
  const line = new Style({ stroke: new Stroke({ color: 'rgba(124, 58, 237, 0.75)', width: 3, lineDash: [2, 5], lineCap: 'round' }) });
  const label = new Style({
    text: new Text({ font: `600 12px ${FONT_STACK}`, placement: 'line', fill: new Fill({ color: '#5b21b6' }), stroke: new Stroke({ color: p.labelHalo, width: 3 }) }),
  });
  const style = (f: FeatureLike) => {
    label.getText()!.setText(String(f.get('name') ?? ''));
    return [line, label];
  };
  const { source, layer, format } = geoJsonLayer('routes', style, 90);
  const read = (r: RouteFeature) => {
    const f = format.readFeature(r) as Feature;
    f.setId(r.id);
    f.set('routeId', r.id);
    return f;
  };
  return {
    layer,
    reset(routes: RouteFeature[]) { source.clear(); source.addFeatures(routes.map(read)); },
    put(r: RouteFeature) { this.remove(r.id); source.addFeature(read(r)); },
    remove(id: number) { const f = source.getFeatureById(id); if (f) source.removeFeature(f as Feature); },
  };
}
