import Feature from 'ol/Feature';
import { Stroke, Style } from 'ol/style';
import type { GridCoverage } from '../patrolApi';
import type { Palette } from '../theme';
import { geoJsonLayer } from '../map/geoJsonLayer';

// The land the open grid card's window (today, 24 h, 7 days) covered, outlined over the map:
// the coverage tiles fill today's; the outline follows the window the leader chose.
export function windowCoverageLayer(p: Palette) {
  const style = new Style({ stroke: new Stroke({ color: p.followed, width: 2.5, lineDash: [8, 5] }) });
  const { source, layer, format } = geoJsonLayer('windowCoverage', () => style, 81);
  return {
    layer,
    show(c: GridCoverage | null) {
      source.clear();
      const g = c?.covered ? format.readGeometry(c.covered) : null;
      if (g) source.addFeature(new Feature({ geometry: g, code: `${c!.grid}/${c!.window}` }));
    },
  };
}
