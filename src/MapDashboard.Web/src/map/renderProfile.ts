import type Map from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import { ANIMATION_MAP, BASE_MAP, DOTS_MAP } from './animationMap';

/** Milliseconds one layer's rendering took over a profile window, by OpenLayers' phase. */
export interface LayerRenderTime {
  /** prepareFrame + renderFrame (Layer#render): building and replaying its instructions, tiles included. */
  render: number;
  /** Decluttering its labels and symbols (only a layer with declutter on). */
  declutter: number;
  /** Drawing what decluttering kept (renderDeferred). */
  deferred: number;
  /** How many map renders drew this layer. */
  calls: number;
}

/** What window.mapDashboard.renderProfile() reports since its previous call. */
export interface RenderProfile {
  /** Map renders (Map#renderFrame_) and the time they took in all. */
  renders: number;
  renderMs: number;
  /** Renders of the map of what animates over it (the wall's rings and pulses, map/animationMap.ts) and their time. */
  animationRenders: number;
  animationRenderMs: number;
  /** Renders of the map of the worker dots over it (the wall's, map/animationMap.ts) and their time. */
  dotsRenders: number;
  dotsRenderMs: number;
  /** Renders of the base map under it (a desk's roads and water, map/animationMap.ts) and their time; absent without one. */
  baseRenders?: number;
  baseRenderMs?: number;
  /** Per layer, by its name (an unnamed layer by what it is the overlay of, or its z-index). */
  layers: Record<string, LayerRenderTime>;
}

type Timed = { [method: string]: (...args: unknown[]) => unknown };

/**
 * Where a frame's CPU goes, layer by layer (the wall benchmark's attribution, `bench wall --profile`): wraps each
 * layer's render, renderDeclutter and renderDeferred, and the map's own render, with a clock. Installed on first use,
 * and on each layer added later; `take()` returns the totals since the previous take and starts again.
 */
export function renderProfiler(map: Map) {
  let profile = empty();
  const wrapped = new WeakSet<object>();

  function time(target: Timed, method: string, add: (ms: number) => void) {
    const original = target[method];
    if (typeof original !== 'function') return;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try { return original.apply(this, args); } finally { add(performance.now() - start); }
    };
  }

  function wrapLayer(layer: Layer) {
    if (wrapped.has(layer)) return;
    wrapped.add(layer);
    const entry = () => (profile.layers[labelOf(layer)] ??= { render: 0, declutter: 0, deferred: 0, calls: 0 });
    const target = layer as unknown as Timed;
    time(target, 'render', (ms) => { const e = entry(); e.render += ms; e.calls++; });
    time(target, 'renderDeclutter', (ms) => { entry().declutter += ms; });
    time(target, 'renderDeferred', (ms) => { entry().deferred += ms; });
  }

  function install() {
    if (wrapped.has(map)) return;
    wrapped.add(map);
    time(map as unknown as Timed, 'renderFrame_', (ms) => { profile.renders++; profile.renderMs += ms; });
    const animated = map.get(ANIMATION_MAP) as Map | undefined;
    if (animated) time(animated as unknown as Timed, 'renderFrame_', (ms) => { profile.animationRenders++; profile.animationRenderMs += ms; });
    const dots = map.get(DOTS_MAP) as Map | undefined;
    if (dots) time(dots as unknown as Timed, 'renderFrame_', (ms) => { profile.dotsRenders++; profile.dotsRenderMs += ms; });
    const base = map.get(BASE_MAP) as Map | undefined;
    if (base) time(base as unknown as Timed, 'renderFrame_', (ms) => { profile.baseRenders! += 1; profile.baseRenderMs! += ms; });
    map.getAllLayers().forEach(wrapLayer);
    // Layers added after the first take (the live overlays, the workers) are timed from the next frame on.
    map.on('precompose', () => map.getAllLayers().forEach(wrapLayer));
  }

  return {
    take(): RenderProfile {
      install();
      const taken = profile;
      profile = empty();
      return taken;
    },
  };

  function empty(): RenderProfile {
    const fresh: RenderProfile = { renders: 0, renderMs: 0, animationRenders: 0, animationRenderMs: 0, dotsRenders: 0, dotsRenderMs: 0, layers: {} };
    if (map.get(BASE_MAP)) Object.assign(fresh, { baseRenders: 0, baseRenderMs: 0 });
    return fresh;
  }
}

function labelOf(layer: Layer): string {
  const name = (layer.get('name') as string | undefined) ?? (layer.get('overlayOf') ? `${layer.get('overlayOf')} (live overlay)` : undefined);
  // An unnamed layer by its z-index: a minified bundle has no class names to show.
  return name ?? `unnamed z${layer.getZIndex() ?? 0}`;
}
