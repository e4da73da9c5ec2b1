import { Fill, Stroke, Style } from 'ol/style';
import type { FeatureLike } from 'ol/Feature';
import { mvtLayer, type TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';

// Buildings are the densest layer (tens of thousands citywide): three constant styles.
// Ownerless (无主) and disputed (权属争议) buildings get a coloured outline: unclear
// ownership is the pain point the centre exists to see.
// Footprints only from maxResolution in (level of detail): at district zoom ownership gaps show as findings.
// path: '/tiles/public' for the resident's map (no account), else the signed-in tiles.
export function buildingLayer(p: Palette, config: TileSetup, maxResolution?: number, path?: string) {
  const fill = new Fill({ color: p.building });
  const normal = new Style({ fill, stroke: new Stroke({ color: p.buildingStroke, width: 0.6 }) });
  const ownerless = new Style({ fill, stroke: new Stroke({ color: p.ownerless, width: 2 }) });
  const disputed = new Style({ fill, stroke: new Stroke({ color: p.disputed, width: 2, lineDash: [4, 3] }) });
  // MVT has no boolean type in every encoder: accept true and 'true'.
  const flag = (v: unknown) => v === true || v === 'true';
  const style = (f: FeatureLike) =>
    flag(f.get('disputed')) ? disputed : flag(f.get('ownerless')) ? ownerless : normal;
  return mvtLayer({ source: 'buildings', name: 'buildings', style, config, zIndex: 30, maxResolution, path });
}
