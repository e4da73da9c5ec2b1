import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { Stroke, Style } from 'ol/style';
import type { RouteComparison } from '../patrolApi';
import type { Palette } from '../theme';
import { geoJsonLayer } from '../map/geoJsonLayer';

type Part = 'walked' | 'followed' | 'missed';

// Planned vs walked on the map: the worker's track in grey underneath, the planned route's
// followed stretches in green and its missed stretches dashed red on top.
export function routeComparisonLayer(p: Palette) {
  const styles: Record<Part, Style> = {
    walked: new Style({ stroke: new Stroke({ color: 'rgba(100, 116, 139, 0.85)', width: 5, lineCap: 'round' }), zIndex: 0 }),
    followed: new Style({ stroke: new Stroke({ color: p.followed, width: 5, lineCap: 'round' }), zIndex: 1 }),
    missed: new Style({ stroke: new Stroke({ color: p.missed, width: 4, lineDash: [10, 8] }), zIndex: 2 }),
  };
  const style = (f: FeatureLike) => styles[f.get('part') as Part];
  const { source, layer, format } = geoJsonLayer('routeComparison', style, 96);
  return {
    layer,
    show(c: RouteComparison | null) {
      source.clear();
      if (!c) return;
      for (const part of ['walked', 'followed', 'missed'] as const) {
        const g = c[part];
        if (g) source.addFeature(new Feature({ geometry: format.readGeometry(g) ?? undefined, part, code: part }));
      }
    },
  };
}
