import { lang, t, tFill } from '../i18n';
import { el, fmt } from '../ui/dom';
import type { ImportReport } from './importApi';

/** The validation report: what the import would do (or did), and each problem with its source row and reason. */
export function importReportView(report: ImportReport): HTMLElement {
  const state = report.written ? t('importWritten') : report.errors > 0 ? t('importHasErrors') : t('importDryRun');
  const counts = el('dl', { class: 'import-counts', 'data-testid': 'import-counts' },
    ...([
      ['importRows', report.rows], ['importInserted', report.inserted], ['importUpdated', report.updated],
      ['importUnchanged', report.unchanged], ['importErrors', report.errors], ['importWarnings', report.warnings],
    ] as const).flatMap(([key, n]) => [el('dt', {}, t(key)), el('dd', { 'data-count': key }, fmt(n))]));
  const rows = report.problems.map((p) => el('tr', { class: `import-${p.severity}`, 'data-testid': 'import-problem' },
    el('td', {}, p.row == null ? '–' : String(p.row)),
    el('td', {}, p.code ?? ''),
    el('td', {}, t(p.severity === 'error' ? 'importSeverity_error' : 'importSeverity_warning')),
    el('td', {}, lang() === 'en' ? p.en : p.zh)));
  return el('section', { class: 'import-report', 'data-testid': 'import-report', 'data-written': String(report.written) },
    el('h2', { 'data-testid': 'import-state' }, state),
    el('p', { class: 'import-crs' }, tFill('importCrs', { crs: report.sourceCrs || '–' }), report.conversion ? ` · ${report.conversion}` : ''),
    counts,
    rows.length === 0 ? el('p', {}, t('importNoProblems'))
      : el('table', { class: 'import-problems' },
        el('thead', {}, el('tr', {}, el('th', {}, t('importRow')), el('th', {}, t('importCode')), el('th', {}, t('importSeverity')), el('th', {}, t('importReason')))),
        el('tbody', {}, ...rows)));
}
