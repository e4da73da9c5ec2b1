import type { Category, TerritoryUnit } from '../api';
import { lang, tFill } from '../i18n';
import { districtTimeZone } from '../timeZone';

/** A share (0..1) as a whole percentage; '—' when there is nothing to divide. */
export const percent = (share: number | null | undefined): string =>
  share == null ? '—' : `${Math.round(share * 100)}%`;

/** A duration in the largest whole unit: '5 分钟' / '3 小时' / '2 天'. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return tFill('durMinutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? tFill('durHours', { n: hours }) : tFill('durDays', { n: Math.floor(hours / 24) });
}

export const since = (iso: string | null, now = Date.now()) => duration(iso ? now - Date.parse(iso) : 0);

/** A unit's name from the territory tree, else the name the server sent with the code (micro-grids are not in the tree), else its code. */
export const unitName = (units: TerritoryUnit[], code: string | null, name?: string | null) =>
  (code && units.find((u) => u.code === code)?.name) || name || code || '—';

export const categoryName = (categories: Category[], code: string) => {
  const c = categories.find((x) => x.code === code);
  return c ? (lang() === 'en' ? c.nameEn : c.nameZh) : code;
};

/** Month, day and time of day in the district's time zone, in the reader's language. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(lang(), { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: districtTimeZone() });

/** Hours and minutes in the district's time zone. */
export const hourMinute = (d: Date) =>
  d.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', timeZone: districtTimeZone() });
