import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import type { Category } from '../api';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import { lang, tKey } from '../i18n';
import { FONT_STACK, type Palette } from '../theme';
import { categoryColour } from './hazards';

/** Radius of the red ring an overdue incident always carries (the wall animates one more around it). */
export const OVERDUE_RING_RADIUS = 17;

export const isOverdue = (f: FeatureLike) => f.get('overdue') === true || f.get('overdue') === 'true';

// Open incidents (tiles: code, category, stage, overdue, escalation; the live feed adds
// timestamps). A square in the category's colour with the stage's first character
// (报 派 接 办 评) inside; an overdue one wears a thick red ring and draws on top.
// Styles are made once per (category, stage, overdue, language) and kept; closed
// incidents (a live upsert of the final step) draw nothing.
export function incidentLayer(p: Palette, config: TileSetup, categories: Category[]) {
  const ring = new Style({
    image: new Circle({
      radius: OVERDUE_RING_RADIUS,
      stroke: new Stroke({ color: p.overdue, width: 4 }),
      fill: new Fill({ color: 'rgba(255, 36, 36, 0.18)' }),
      declutterMode: 'none',
    }),
    zIndex: 10,
  });
  const cache = new Map<string, Style[]>();
  const style = (f: FeatureLike) => {
    const stage = f.get('stage') as string;
    if (stage === 'closed') return undefined;
    const category = f.get('category') as string;
    const overdue = isOverdue(f);
    const key = `${category}|${stage}|${overdue}|${lang()}`;
    let s = cache.get(key);
    if (!s) {
      const marker = new Style({
        image: new RegularShape({
          points: 4, radius: 12, angle: Math.PI / 4,
          fill: new Fill({ color: categoryColour(categories, category) }),
          stroke: new Stroke({ color: overdue ? p.overdue : p.labelHalo, width: 2 }),
          declutterMode: 'none', // hit-detectable in a vector tile layer (see hazards.ts)
        }),
        text: new Text({
          text: tKey('stageMark_', stage),
          font: `700 12px ${FONT_STACK}`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: 'rgba(0, 0, 0, 0.55)', width: 2.5 }),
        }),
        zIndex: overdue ? 11 : 1,
      });
      s = overdue ? [ring, marker] : [marker];
      cache.set(key, s);
    }
    return s;
  };
  return mvtLayer({ source: 'incidents', name: 'incidents', style, config, zIndex: 60 });
}
