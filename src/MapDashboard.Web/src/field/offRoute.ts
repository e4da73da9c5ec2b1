import type LineString from 'ol/geom/LineString';
import { fromLonLat, toLonLat } from 'ol/proj';
import { getDistance } from 'ol/sphere';

/** Farther than this from today's route counts as off it (issue: "more than 50 m from it for more than a minute"). */
export const OFF_ROUTE_METRES = 50;
/** …for longer than this; measured on the page's clock (Date.now), so a test can drive it with a fake clock. */
export const OFF_ROUTE_MS = 60_000;

/**
 * Metres from a position to the nearest of the lines (EPSG:3857): the closest point is found in the projection,
 * the distance between the two is then measured on the sphere (a Mercator length is stretched by 1/cos(lat)).
 * Null when there is no line.
 */
export function metresFromRoutes(lonLat: [number, number], lines: LineString[]): number | null {
  const at = fromLonLat(lonLat);
  let best: number | null = null;
  for (const line of lines) {
    const metres = getDistance(lonLat, toLonLat(line.getClosestPoint(at)));
    if (best === null || metres < best) best = metres;
  }
  return best;
}

/**
 * Whether the worker has been off the route long enough to be told: the time off starts with the first position
 * farther than OFF_ROUTE_METRES and is forgotten by any position back within it. `judge` is called on every fix and
 * on a timer (standing still sends no fix), and answers the metres to show, or null for no hint.
 */
export function offRouteJudge(now: () => number = Date.now) {
  let offSince: number | null = null;
  let lastMetres: number | null = null;
  return {
    /** A new distance from the route (null: no route today, or no position yet). */
    observe(metres: number | null): void {
      lastMetres = metres;
      if (metres === null || metres <= OFF_ROUTE_METRES) offSince = null;
      else if (offSince === null) offSince = now();
    },
    /** The metres to show in the hint, or null while on the route or not off it for long enough. */
    hint(): number | null {
      return offSince !== null && now() - offSince > OFF_ROUTE_MS ? lastMetres : null;
    },
  };
}
