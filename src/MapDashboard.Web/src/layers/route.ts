import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { Palette } from '../theme';

// The planner's draft route: a bold line with a white casing and vertex handles.
export function routeLayer(p: Palette) {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    zIndex: 95,
    properties: { name: 'route' },
    style: [
      new Style({ stroke: new Stroke({ color: '#ffffff', width: 8 }) }),
      new Style({ stroke: new Stroke({ color: p.route, width: 4.5 }) }),
    ],
  });
  // Draw/Modify sketch: same colours, so drawing looks like the result.
  const sketch = [
    new Style({ stroke: new Stroke({ color: p.route, width: 4, lineDash: [8, 6] }) }),
    new Style({ image: new Circle({ radius: 6, fill: new Fill({ color: '#ffffff' }), stroke: new Stroke({ color: p.route, width: 2.5 }) }) }),
  ];
  return { layer, source, sketch };
}
