// The district's clock. Every time the client shows — the wall clock, history lines, due times, the planner's
// day — is in the district's time zone (GET /api/config `timeZone`, Asia/Shanghai by default), never the
// browser's: a command-centre PC set to UTC must not show 06:42 while the day counts run on Beijing time.

const FALLBACK = 'Asia/Shanghai';
let zone = FALLBACK;

export const districtTimeZone = (): string => zone;

/** Takes the server's zone; an unknown or missing name keeps the current one. */
export function setDistrictTimeZone(name: string | null | undefined): void {
  if (!name) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    zone = name;
  } catch {
    console.warn(`unknown time zone '${name}' in /api/config; showing ${zone}`);
  }
}

/** A calendar day in the district as YYYY-MM-DD (en-CA formats ISO order). */
export const districtDay = (at: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
