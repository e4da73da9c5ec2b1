import type VectorTile from 'ol/VectorTile';
import type Tile from 'ol/Tile';
import TileState from 'ol/TileState';
import type { FeatureLike } from 'ol/Feature';
import type MVT from 'ol/format/MVT';

// Backoff between attempts: 1 s, 2 s, 4 s … then every 30 s for as long as the tile is wanted.
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** Worth trying again: the link or the server failed (5xx, 408, 429), not the request (another 4xx). */
const transient = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * A vector tile that fails to load is fetched again with backoff until it arrives. OpenLayers' own loader marks it
 * failed once and never asks again: a wall left on for days kept a hole in the map for every tile that met a server
 * restart or a dropped link. The tile stays "loading" meanwhile (the map's rendercomplete waits for it), and a tile
 * OpenLayers let go of (panned away, a new snapshot version) is not fetched any more.
 */
export function retryingTileLoad(format: MVT) {
  return (tile: Tile, url: string) => {
    const vectorTile = tile as VectorTile<FeatureLike>;
    vectorTile.setLoader((extent, _resolution, projection) => {
      let delay = FIRST_RETRY_MS;
      const again = () => {
        setTimeout(attempt, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
      const wanted = () => vectorTile.getState() === TileState.LOADING;
      function attempt() {
        if (!wanted()) return;
        fetch(url, { credentials: 'same-origin' }).then(async (response) => {
          if (!wanted()) return;
          if (!response.ok) {
            if (transient(response.status)) again();
            else vectorTile.onError();
            return;
          }
          const data = await response.arrayBuffer();
          const features = format.readFeatures(data, { extent, featureProjection: projection }) as FeatureLike[];
          vectorTile.onLoad(features, format.readProjection(data)!);
        }).catch(again); // no answer at all: the link or the server is down
      }
      attempt();
    });
  };
}
