/**
 * The wall's screen geometry. The wall is designed at 1920×1080 (a command centre's usual panel); on a larger
 * screen (3840×2160) it is laid out at that design size and scaled up as a whole — map, labels and panels alike —
 * so text keeps the size it has from 3 m on a 1080p wall, and the map stays crisp (OpenLayers draws a transformed
 * map at the screen's resolution). Never scaled down: a smaller window gets the existing compact layout.
 *
 * A video wall of several screens, each driven by its own browser, shows one shared view: `?tile=2x2&quadrant=N`
 * (N = 1..4, left to right, top to bottom; `tile=CxR` for C columns and R rows, `quadrant` 1..C·R) lays the wall
 * out as if on the whole C×R screen area and shows this screen's part of it. A bad value shows the whole wall.
 */
export interface WallScreen {
  cols: number;
  rows: number;
  /** This screen's column and row, from 0. */
  col: number;
  row: number;
  /** Screen pixels per design pixel (≥ 1). */
  scale: number;
  /** The layout's size in design (CSS) pixels. */
  width: number;
  height: number;
}

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
const MAX_TILES = 4;

export function wallTiling(search: string): { cols: number; rows: number; col: number; row: number } {
  const whole = { cols: 1, rows: 1, col: 0, row: 0 };
  const params = new URLSearchParams(search);
  const tile = params.get('tile');
  if (!tile) return whole;
  const m = /^([1-9])x([1-9])$/.exec(tile);
  const n = Number(params.get('quadrant'));
  if (!m) { console.warn(`wall: tile=${tile} is not CxR (e.g. 2x2); showing the whole wall`); return whole; }
  const cols = Number(m[1]), rows = Number(m[2]);
  if (cols > MAX_TILES || rows > MAX_TILES || !Number.isInteger(n) || n < 1 || n > cols * rows) {
    console.warn(`wall: quadrant=${params.get('quadrant')} is not 1..${cols * rows} of tile=${tile}; showing the whole wall`);
    return whole;
  }
  return { cols, rows, col: (n - 1) % cols, row: Math.floor((n - 1) / cols) };
}

export function wallScreen(search: string, screenWidth: number, screenHeight: number): WallScreen {
  const t = wallTiling(search);
  const wallWidth = screenWidth * t.cols, wallHeight = screenHeight * t.rows;
  const scale = Math.max(1, Math.min(wallWidth / DESIGN_WIDTH, wallHeight / DESIGN_HEIGHT));
  return { ...t, scale, width: wallWidth / scale, height: wallHeight / scale };
}

/**
 * Lays `stage` (every element of the wall) out at the design size and shows this screen's part of it, now and on
 * every resize; `changed` (set once the map exists) runs after each resize (the wall refits its map).
 */
export function fitStage(stage: HTMLElement) {
  let screen = wallScreen(location.search, innerWidth, innerHeight);
  let changed: (screen: WallScreen) => void = () => undefined;
  const apply = () => {
    screen = wallScreen(location.search, innerWidth, innerHeight);
    Object.assign(stage.style, {
      width: `${screen.width}px`,
      height: `${screen.height}px`,
      transform: `translate(${-screen.col * innerWidth}px, ${-screen.row * innerHeight}px) scale(${screen.scale})`,
    });
    stage.dataset.scale = String(screen.scale);
  };
  apply();
  window.addEventListener('resize', () => { apply(); changed(screen); });
  return {
    screen: () => screen,
    onChange(f: (screen: WallScreen) => void) { changed = f; f(screen); },
  };
}
