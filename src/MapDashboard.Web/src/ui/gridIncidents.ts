import { api, type Category, type IncidentDetail, type IncidentSummary, type TerritoryUnit } from '../api';
import { lang, onLang, t, tFill, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, dateTime, since, unitName } from './format';
import { incidentHistoryLine } from './historyText';
import { errorText } from './errorText';
import { indicatorStrip } from './indicatorStrip';

/**
 * A grid's incidents for its card on /lead: its indicators, its open incidents
 * (GET /api/incidents?unit=…&open=true) with stage and age, and a click on one unfolds its
 * history (GET /api/incidents/{code}). data-testid: grid-incidents, incident-history.
 */
export function gridIncidents(categories: Category[], units: TerritoryUnit[]) {
  const heading = el('h3', {});
  const indicators = el('div', {});
  const list = el('ul', { class: 'incident-list', 'data-testid': 'grid-incidents' });
  const element = el('section', { class: 'grid-incidents' }, heading, indicators, list);
  let grid: string | null = null;
  let items: IncidentSummary[] = [];
  let opened: IncidentDetail | null = null;
  let failure: { code: string; text: string } | null = null;
  /** The card's personal data is revealed: an opened incident's details are fetched with ?reveal=true. */
  let reveal = false;

  // Why this incident went where it went: the ownership-unclear findings at its point.
  const findings = (d: IncidentDetail) => d.findings.length || d.caseOf
    ? el('div', { class: 'incident-findings', 'data-testid': 'incident-findings' },
      d.caseOf ? el('div', { class: 'muted small' }, t('caseOfFinding')) : null,
      ...d.findings.map((f) => el('p', { class: 'explanation', 'data-finding': String(f.id) },
        el('span', { class: 'hatch-chip' }), `${t('incidentInFinding')}${lang() === 'en' ? f.explanation.en : f.explanation.zh}`)))
    : null;

  const history = (d: IncidentDetail) => el('ol', { class: 'history', 'data-testid': 'incident-history', 'data-code': d.code },
    ...d.history.map((h) => el('li', { class: `h-kind-${h.kind}` },
      el('span', { class: 'h-at' }, dateTime(h.at)),
      incidentHistoryLine(h, units))));

  function render() {
    heading.textContent = `${t('openIncidents')} (${items.length})`;
    list.replaceChildren(...(items.length ? items.map((i) => {
      const li = el('li', { 'data-code': i.code, class: opened?.code === i.code ? 'open' : '' },
        el('div', { class: 'inc-row' },
          el('span', { class: 'inc-stage' }, tKey('stage_', i.stage)),
          el('span', { class: 'inc-cat' }, categoryName(categories, i.category)),
          i.overdue ? el('span', { class: 'inc-overdue' }, t('indOverdue')) : null,
          el('span', { class: 'inc-age' }, tFill('incidentAge', { d: since(i.reportedAt) }))),
        el('div', { class: 'inc-code' }, `${i.code} · ${t('responsible')} ${unitName(units, i.responsibleUnit, i.responsibleUnitName)}`),
        opened?.code === i.code ? findings(opened) : null,
        opened?.code === i.code ? history(opened) : null,
        failure?.code === i.code ? el('div', { class: 'error small', 'data-testid': 'incident-error' }, failure.text) : null);
      li.addEventListener('click', () => void toggle(i.code));
      return li;
    }) : [el('li', { class: 'muted' }, t('noOpenIncidents'))]));
  }
  onLang(render);

  async function toggle(code: string) {
    failure = null;
    try {
      opened = opened?.code === code ? null : await api.incident(code, reveal);
    } catch (e) {
      opened = null;
      failure = { code, text: errorText(e, { 404: 'errIncidentGone' }) };
    }
    render();
  }

  const strip = (code: string) => indicatorStrip(code, 'mini-indicators');
  return {
    element,
    /** Loads (or reloads, keeping an open history open) the incidents of a grid. */
    async show(code: string) {
      if (code !== grid) { opened = null; grid = code; reveal = false; }
      const s = strip(code);
      const [rows] = await Promise.all([api.incidents({ unit: code, open: true, limit: 100 }), s.load()]);
      if (grid !== code) return;
      items = rows;
      if (opened) opened = items.some((i) => i.code === opened!.code) ? await api.incident(opened.code, reveal).catch(() => null) : null;
      indicators.replaceChildren(s.element);
      render();
    },
    hide() { grid = null; items = []; opened = null; reveal = false; },
    /** Reveals (or masks again) the personal data of the open incident's details: re-fetched with or without ?reveal=true. */
    async setReveal(on: boolean) {
      reveal = on;
      if (!opened) return;
      const code = opened.code;
      const detail = await api.incident(code, on).catch(() => null);
      if (opened?.code === code) { opened = detail; render(); }
    },
    current: () => grid,
    /** Unfolds one incident's history (a search hit or an overview row chose it); already open: left open. */
    async open(code: string) {
      if (opened?.code !== code) await toggle(code);
      list.querySelector<HTMLElement>(`li[data-code="${CSS.escape(code)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
  };
}
