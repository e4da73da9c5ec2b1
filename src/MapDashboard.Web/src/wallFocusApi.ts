import { getJson, type BBox } from './api';

/** GET /api/wall/focus (src/MapDashboard.Server/Wall/wall_focus.sql): no personal data in any item. */
export interface WallFocus {
  overdue: { code: string; category: string; stage: string; stageDueAt: string | null; place: { code: string; name: string } | null; bbox: BBox } | null;
  unclear: { id: number; key: string; kind: string; firstSeenAt: string; units: string[]; areaM2: number | null; bbox: BBox } | null;
  coverage: { code: string; name: string; status: string; visited: number; total: number; share: number; bbox: BBox } | null;
}

export type FocusKind = keyof WallFocus;

export const wallFocus = () => getJson<WallFocus>('/api/wall/focus', 'no-store');
