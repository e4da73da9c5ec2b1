import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

const PERIOD = 12; // px between stripes
const STRIPE = 4;  // px stripe width: wide enough that its core is the pure colour

/** Diagonal stripes over a faint tint, as a repeating canvas pattern (made once per palette). */
function hatchPattern(p: Palette): CanvasPattern | string {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = PERIOD;
  const ctx = canvas.getContext('2d');
  if (!ctx) return p.hatchTint;
  ctx.fillStyle = p.hatchTint;
  ctx.fillRect(0, 0, PERIOD, PERIOD);
  ctx.strokeStyle = p.hatch;
  ctx.lineWidth = STRIPE;
  // The diagonal and its two corner pieces, so the tiles join without a seam.
  for (const o of [-PERIOD, 0, PERIOD]) {
    ctx.beginPath();
    ctx.moveTo(o, PERIOD);
    ctx.lineTo(o + PERIOD, 0);
    ctx.stroke();
  }
  return ctx.createPattern(canvas, 'repeat') ?? p.hatchTint;
}

/**
 * The findings that need someone to act (who owns this land, this wall, this building?): what the wall shows.
 * A police-grid mismatch (警格错位) is a fact for planners aligning two partitions, not a task for the duty
 * officer, and its hatching covered much of the district: it stays on /lead.
 */
export const ACTION_FINDING_KINDS: readonly string[] = ['gap', 'overlap', 'straddle', 'boundary_hazard', 'ownerless', 'unmanaged', 'disputed'];

// Where ownership is unclear (权属不清): findings still to act on (new, assigned). Hatched
// and outlined in a colour no other layer uses, over a dark halo, so it reads as "nobody's"
// at a glance. Tiles carry only new/assigned findings; a live upsert can resolve one.
// `kinds`: the finding kinds drawn (every kind when absent).
export function findingsLayer(p: Palette, config: TileSetup, kinds?: readonly string[]) {
  const area = [
    new Style({ fill: new Fill({ color: hatchPattern(p) }), stroke: new Stroke({ color: p.labelHalo, width: 5 }), zIndex: 0 }),
    new Style({
      stroke: new Stroke({ color: p.hatch, width: 2.5 }),
      // Point findings (a hazard on a boundary, an ownerless hazard): a hatched-colour ring.
      image: new Circle({ radius: 11, stroke: new Stroke({ color: p.hatch, width: 3 }), fill: new Fill({ color: p.hatchTint }), declutterMode: 'none' }),
      zIndex: 1,
    }),
  ];
  const style = (f: FeatureLike) => {
    const status = f.get('status');
    if ((status !== 'new' && status !== 'assigned') || f.get('present') === false) return undefined;
    if (kinds && !kinds.includes(f.get('kind') as string)) return undefined;
    return area;
  };
  return mvtLayer({ source: 'findings', name: 'findings', style, config, zIndex: 42 });
}
