import gridFills from './gridFills.json';

// Two palettes: the wall display is dark (a lit room, viewed for hours, from metres away);
// the desk views are light. Layers take a palette once, when they are created.

export type Rgba = [number, number, number, number];

// The 红黄蓝 fills and the paper under them live in gridFills.json, which a test also reads (GridFillContrastTests):
// as drawn (blended over the paper) every two of them differ by ΔE2000 ≥ 20 for normal vision and under simulated
// protanopia, deuteranopia and tritanopia. The old dark red and olive were 11 apart for a deuteranope.
const fills = (p: typeof gridFills.dark): Record<'red' | 'yellow' | 'blue', Rgba> =>
  ({ red: p.red as Rgba, yellow: p.yellow as Rgba, blue: p.blue as Rgba });

export interface Palette {
  name: 'dark' | 'light';
  background: string;           // the map container's CSS background: the "paper"
  gridFill: Record<'red' | 'yellow' | 'blue', Rgba>;
  gridStroke: Record<'red' | 'yellow' | 'blue', string>;
  microGrid: string;
  policeGrid: string;
  district: string;
  street: string;
  community: string;
  building: string;
  buildingStroke: string;
  ownerless: string;
  disputed: string;
  road: string;
  roadMajor: string;
  water: string;
  waterStroke: string;
  label: string;
  labelHalo: string;
  selection: string;
  route: string;
  /** Where ownership is unclear: the hatch stripes and outline (opaque, so a screenshot reads it). */
  hatch: string;
  hatchTint: string;
  /** The ring around an overdue incident. */
  overdue: string;
  /** Patrols: today's walked tracks, the area they covered, what nobody visited yet. */
  track: string;
  coverage: Rgba;
  coverageStroke: string;
  unvisited: string;
  /** Planned vs walked: the part of the plan followed, the part missed. */
  followed: string;
  missed: string;
  /** Label sizes in CSS px: the wall is read from ~3 m, the desk from 50 cm. */
  streetLabelPx: number;
  communityLabelPx: number;
}

export const dark: Palette = {
  name: 'dark',
  background: gridFills.dark.background,
  gridFill: fills(gridFills.dark),
  gridStroke: { red: '#ff6b6b', yellow: '#fcd34d', blue: '#5aa2ff' },
  microGrid: 'rgba(170, 200, 230, 0.35)',
  policeGrid: '#34d399',
  district: '#7dd3fc',
  street: '#e2e8f0',
  community: 'rgba(226, 232, 240, 0.55)',
  building: 'rgba(148, 163, 184, 0.55)',
  buildingStroke: 'rgba(203, 213, 225, 0.6)',
  ownerless: '#f59e0b',
  disputed: '#f472b6',
  road: 'rgba(100, 116, 139, 0.65)',
  roadMajor: 'rgba(148, 163, 184, 0.8)',
  water: 'rgba(14, 116, 144, 0.55)',
  waterStroke: 'rgba(34, 211, 238, 0.5)',
  label: '#ffffff',
  labelHalo: 'rgba(2, 8, 23, 0.92)',
  selection: '#22d3ee',
  route: '#f97316',
  hatch: '#ff3df5',
  hatchTint: 'rgba(255, 61, 245, 0.16)',
  overdue: '#ff2424',
  // Thin, faint and grey-blue: where patrols went is background to what is wrong (incidents draw above it).
  track: 'rgba(148, 170, 196, 0.5)',
  coverage: [74, 222, 128, 0.28],
  coverageStroke: 'rgba(74, 222, 128, 0.8)',
  unvisited: '#fb923c',
  followed: '#22c55e',
  missed: '#ef4444',
  streetLabelPx: 30,
  communityLabelPx: 20,
};

export const light: Palette = {
  name: 'light',
  background: gridFills.light.background,
  gridFill: fills(gridFills.light),
  gridStroke: { red: '#b91c1c', yellow: '#a16207', blue: '#1d4ed8' },
  microGrid: 'rgba(51, 65, 85, 0.3)',
  policeGrid: '#059669',
  district: '#0f172a',
  street: '#1e293b',
  community: 'rgba(30, 41, 59, 0.5)',
  building: 'rgba(100, 116, 139, 0.55)',
  buildingStroke: 'rgba(51, 65, 85, 0.7)',
  ownerless: '#d97706',
  disputed: '#db2777',
  road: 'rgba(255, 255, 255, 0.95)',
  roadMajor: 'rgba(253, 230, 138, 1)',
  water: 'rgba(147, 197, 253, 0.85)',
  waterStroke: 'rgba(59, 130, 246, 0.6)',
  label: '#0f172a',
  labelHalo: 'rgba(255, 255, 255, 0.95)',
  selection: '#0891b2',
  route: '#ea580c',
  hatch: '#a21caf',
  hatchTint: 'rgba(162, 28, 175, 0.12)',
  overdue: '#dc2626',
  track: 'rgba(71, 85, 105, 0.55)',
  coverage: [22, 163, 74, 0.22],
  coverageStroke: 'rgba(21, 128, 61, 0.7)',
  unvisited: '#ea580c',
  followed: '#16a34a',
  missed: '#dc2626',
  streetLabelPx: 18,
  communityLabelPx: 14,
};

/** '#rrggbb' → [r, g, b]. */
export const hexRgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

export const css = (c: Rgba): string => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${c[3]})`;

/** The colour a translucent fill shows over the palette background (what a screenshot reads). */
export function blendOverBackground(c: Rgba, background: string): [number, number, number] {
  const bg = hexRgb(background);
  return [0, 1, 2].map((i) => Math.round(c[i] * c[3] + bg[i] * (1 - c[3]))) as [number, number, number];
}

/** Fonts: Noto Sans CJK is what fonts-noto-cjk installs on the wall PCs and CI. */
export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
