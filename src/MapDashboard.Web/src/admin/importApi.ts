// The admin import page's calls: POST /api/admin/import (the file and options; a dry run answering the validation
// report and the upload's id) and POST /api/admin/import/{id}/apply (the same upload, written).
import { ApiError, csrfHeader } from '../api';

export interface ImportProblem {
  row: number | null;
  code: string | null;
  kind: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
}

export interface ImportReport {
  layer: string;
  rows: number;
  sourceCrs: string;
  conversion: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  written: boolean;
  errors: number;
  warnings: number;
  problems: ImportProblem[];
}

export interface ImportAnswer { id: string; report: ImportReport }

/**
 * A refusal: problem details, and the report when the apply found errors (409). A file that cannot be imported at
 * all (400 "Cannot import") is worded in both languages, `zh` and `en`, like a report's problems.
 */
export class ImportRefusal extends ApiError {
  readonly report: ImportReport | null;
  readonly wording: { zh: string; en: string } | null;
  constructor(status: number, detail: string, report: ImportReport | null, wording: { zh: string; en: string } | null) {
    super(detail, status, detail, null);
    this.report = report;
    this.wording = wording;
  }

  /** The reason in the page's language where the server gave both, else its detail. */
  text(language: 'zh-CN' | 'en'): string {
    return this.wording ? (language === 'en' ? this.wording.en : this.wording.zh) : this.detail;
  }
}

async function post(url: string, body?: FormData): Promise<ImportAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', ...(await csrfHeader()) }, body });
  if (res.status === 401) location.assign(`/signin?returnUrl=${encodeURIComponent(location.pathname)}`);
  const json = await res.json().catch(() => ({})) as Partial<ImportAnswer> & { detail?: string; report?: ImportReport; zh?: string; en?: string };
  const wording = json.zh && json.en ? { zh: json.zh, en: json.en } : null;
  if (!res.ok) throw new ImportRefusal(res.status, json.detail ?? res.statusText, json.report ?? null, wording);
  return json as ImportAnswer;
}

export const importApi = {
  check: (form: FormData) => post('/api/admin/import', form),
  apply: (id: string) => post(`/api/admin/import/${encodeURIComponent(id)}/apply`),
};
