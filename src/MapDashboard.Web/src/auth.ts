// Who is signed in, signing in and out (POST /api/auth/signin, /api/auth/signout; GET /api/auth/me).
// The session lives in an HttpOnly cookie the page cannot read; writes carry the session's
// anti-forgery token (api.ts), and the live hub rides on the same cookie (same origin).
import { getJson, sendJson, setCsrfToken } from './api';

export type Role = 'admin' | 'district' | 'street' | 'community' | 'planner' | 'worker' | 'display';

/** The roles that may ask for personal data unmasked (?reveal=true) inside their jurisdiction (RoleMatrix). */
export const REVEAL_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'district', 'street', 'community']);

export interface Me {
  userName: string;
  displayName: string;
  role: Role;
  unit: { code: string; name: string };
  landsOn: string;
  csrfToken: string | null;
  /** The person a worker account is bound to (its pings and tasks); null for other accounts. */
  person?: string | null;
}

export type SignInOutcome =
  | { ok: true; landsOn: string }
  | { ok: false; reason: 'wrong' | 'locked' | 'tooMany' | 'other'; minutes?: number; detail?: string };

export const me = (): Promise<Me> => getJson<Me>('/api/auth/me', 'no-store');

export async function signIn(userName: string, password: string, returnUrl: string | null): Promise<SignInOutcome> {
  const res = await fetch('/api/auth/signin', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password, returnUrl }),
  });
  if (res.ok) {
    const body = (await res.json()) as { landsOn: string; csrfToken: string };
    setCsrfToken(body.csrfToken);
    return { ok: true, landsOn: body.landsOn };
  }
  const minutes = Math.max(1, Math.ceil(Number(res.headers.get('Retry-After') ?? '60') / 60));
  if (res.status === 401) return { ok: false, reason: 'wrong' };
  if (res.status === 423) return { ok: false, reason: 'locked', minutes };
  if (res.status === 429) return { ok: false, reason: 'tooMany', minutes };
  let detail = res.statusText;
  try { detail = ((await res.json()) as { detail?: string }).detail ?? detail; } catch { /* not problem details */ }
  return { ok: false, reason: 'other', detail };
}

export async function signOut(): Promise<void> {
  try { await sendJson('POST', '/api/auth/signout'); } finally { location.assign('/signin'); }
}
