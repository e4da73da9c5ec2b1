import type OlMap from 'ol/Map';

// The map may be drawn scaled (the wall on a 4K screen or a video wall's tile, ui/wallScreen.ts): a map pixel is then
// k page pixels. One place for the conversion, for the test hook and for what reports where it drew (pulses).
const scaleOf = (map: OlMap, box: DOMRect) => box.width / (map.getSize()?.[0] || box.width);

/** A pixel of the map's canvas as a page pixel. */
export function mapPixelToPage(map: OlMap, px: number[]): [number, number] {
  const box = map.getViewport()!.getBoundingClientRect(), k = scaleOf(map, box);
  return [box.left + px[0] * k, box.top + px[1] * k];
}

/** A page pixel as a pixel of the map's canvas. */
export function pagePixelToMap(map: OlMap, x: number, y: number): [number, number] {
  const box = map.getViewport()!.getBoundingClientRect(), k = scaleOf(map, box);
  return [(x - box.left) / k, (y - box.top) / k];
}
