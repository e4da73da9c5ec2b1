import type { Category, FindingProperties } from '../api';
import { tFill, type StringKey } from '../i18n';
import { categoryName } from './format';
import { fmt } from './dom';

/** A unit's or organisation's name as the finding carries it, else its code (a unit deleted since). */
const nameOf = (p: FindingProperties, code: string) => p.names?.[code] ?? code;

/**
 * What a finding is about, by name: its asset (a building's name, a hazard's category) and the units it involves
 * (at most `max`), for a list row or a popup. `codes` is the same in codes, for secondary text.
 */
export function findingSubject(p: FindingProperties, categories: Category[], max = 3): { names: string; codes: string } {
  const asset = p.asset
    ? p.asset.name ?? (p.asset.category ? tFill('findingAssetHazard', { category: categoryName(categories, p.asset.category) }) : p.asset.code)
    : null;
  const units = p.units.slice(0, max);
  return {
    names: [asset, ...units.map((u) => nameOf(p, u))].filter(Boolean).join('、'),
    codes: [p.asset?.code, ...units].filter(Boolean).join(', '),
  };
}

/** The suggested fix (GET /api/findings/{id}: suggestedFix) as a sentence naming units by name; null when there is none. */
export function fixText(p: FindingProperties): string | null {
  const fix = p.suggestedFix;
  if (!fix?.action) return null;
  const key = `fix_${fix.action}` as StringKey;
  if (!(key in fixKeys)) return null;
  return tFill(key, {
    unit: fix.unit ? nameOf(p, fix.unit) : '',
    units: (fix.units ?? []).map((u) => nameOf(p, u)).join('、'),
    community: fix.community ? nameOf(p, fix.community) : '',
    sharedEdgeM: fix.sharedEdgeM != null ? fmt(Math.round(fix.sharedEdgeM)) : '',
  });
}

/** The actions the server suggests (Schema/21_findings_detection.sql), each worded by a fix_ key. */
const fixKeys = {
  fix_merge_into: 1, fix_decide_owner: 1, fix_move_boundary: 1, fix_assign_grid: 1, fix_align_police_grid: 1,
  fix_register_owner: 1, fix_assign_manager: 1, fix_settle_claims: 1,
} satisfies Partial<Record<StringKey, 1>>;
