import type { BaseLayerConfig, Category, LayerConfig, Stage } from '../api';
import { lang } from '../i18n';

/**
 * The resident's door (/api/report): no account. Every call sends no credentials — a resident is nobody's session,
 * and a staff member reporting from a signed-in phone must still be recorded as the resident door — and asks for
 * refusals in the page's language (the server words them: problem details `detail`, with a `reason` code).
 */

export interface ReportForm {
  center: [number, number];
  extent: [number, number, number, number];
  outline: unknown;
  categories: Category[];
  timeZone: string;
  baseLayer: BaseLayerConfig;
  /** The layers of /tiles/public (water, roads, building outlines): the base map open without an account. */
  baseTiles: LayerConfig[];
}

export interface ReportAnswer { code: string; duplicate: boolean; token: string; trackingUrl: string; photos: number }

export interface TrackedPhoto { id: string; action: 'report' | 'resolve'; width: number; height: number }

export interface TrackedStep {
  kind: 'transition' | 'escalation';
  from: Stage | null;
  to: Stage;
  event: string | null;
  params: Record<string, unknown>;
  at: string;
}

export interface Tracked {
  code: string;
  category: Category;
  description: string;
  location: [number, number];
  stage: Stage;
  reportedAt: string;
  stageEnteredAt: string;
  closedAt: string | null;
  rating: number | null;
  canRate: boolean;
  photos: TrackedPhoto[];
  history: TrackedStep[];
  timeZone: string;
}

/** A refusal: the server's reason code and its sentence in the page's language. */
export class ResidentRefusal extends Error {
  readonly status: number;
  readonly reason: string | null;
  constructor(status: number, reason: string | null, detail: string) {
    super(detail);
    this.status = status;
    this.reason = reason;
  }
}

const headers = (): Record<string, string> => ({ Accept: 'application/json', 'Accept-Language': lang() === 'en' ? 'en' : 'zh-CN' });

async function answer<T>(res: Response): Promise<T> {
  if (res.ok) return res.json() as Promise<T>;
  let body: { detail?: string; reason?: string } = {};
  try { body = await res.json(); } catch { /* not problem details: the status says it */ }
  throw new ResidentRefusal(res.status, body.reason ?? null, body.detail ?? res.statusText);
}

const call = <T>(url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, credentials: 'omit', cache: 'no-store', headers: { ...headers(), ...(init.headers as Record<string, string> | undefined) } }).then((r) => answer<T>(r));

export const residentApi = {
  form: () => call<ReportForm>('/api/report/form'),
  report: (form: FormData) => call<ReportAnswer>('/api/report', { method: 'POST', body: form }),
  track: (token: string) => call<Tracked>(`/api/report/track/${encodeURIComponent(token)}`),
  rate: (token: string, rating: number, comment: string) =>
    call<{ stage: Stage; reopened: boolean }>(`/api/report/track/${encodeURIComponent(token)}/rating`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ rating, comment: comment || null }),
    }),
  photoUrl: (token: string, id: string, thumbnail = false) =>
    `/api/report/track/${encodeURIComponent(token)}/photos/${id}${thumbnail ? '/thumbnail' : ''}`,
};
