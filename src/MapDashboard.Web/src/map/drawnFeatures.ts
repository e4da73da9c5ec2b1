import type OlMap from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import VectorTileLayer from 'ol/layer/VectorTile';
import VectorSource from 'ol/source/Vector';
import type { FeatureLike } from 'ol/Feature';
import type { StyleFunction } from 'ol/style/Style';
import type { Extent } from 'ol/extent';

/** A layer and the live overlay drawn with it (src/live/overlays.ts), if it is visible. */
export function withOverlay(l: Layer | undefined): Layer[] {
  if (!l?.getVisible()) return [];
  const overlay = l.get('overlay') as Layer | undefined;
  return overlay ? [l, overlay] : [l];
}

/**
 * Features one layer draws in an extent (view projection). For vector tiles these come from
 * the tiles the layer rendered at this resolution (VectorTileLayer#getFeaturesInExtent). Only
 * what the layer's style draws counts: a tile's copy of a feature changed live is hidden
 * behind the overlay's, and a closed incident or resolved finding draws nothing. A layer outside its level of detail
 * (min/max resolution) draws nothing at all, whatever tiles it kept from another zoom.
 */
export function drawnFeatures(map: OlMap, l: Layer, extent: Extent): FeatureLike[] {
  if (!l.isVisible(map.getView())) return [];
  const source = l.getSource();
  const features: FeatureLike[] = l instanceof VectorTileLayer ? l.getFeaturesInExtent(extent)
    : source instanceof VectorSource ? source.getFeaturesInExtent(extent) : [];
  const style = l.get('styleFn') as StyleFunction | undefined;
  const resolution = map.getView().getResolution()!;
  return style ? features.filter((f) => style(f, resolution)) : features;
}
