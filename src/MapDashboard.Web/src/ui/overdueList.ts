import { api, type Category, type IncidentSummary, type TerritoryUnit } from '../api';
import { onLang, t, tFill, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, since, unitName } from './format';

// An escalated incident has a fresh window (its due time is ahead): say how old it is instead.
const lateness = (i: IncidentSummary) => i.stageDueAt && Date.parse(i.stageDueAt) < Date.now()
  ? tFill('overdueBy', { d: since(i.stageDueAt) }) : tFill('incidentAge', { d: since(i.reportedAt) });

/**
 * The wall's "most overdue" list (GET /api/incidents?overdue=true&limit=10, most overdue
 * first): code, category, stage, who holds it and for how long it is overdue. The list
 * endpoint carries no personal data, and nothing else is shown.
 */
export function overdueList(categories: Category[], units: TerritoryUnit[]) {
  const list = el('ol', { class: 'overdue-items' });
  const title = el('div', { class: 'panel-title' });
  const box = el('section', { class: 'overdue-list', 'data-testid': 'overdue-list' }, title, list);
  let items: IncidentSummary[] = [];
  const render = () => {
    title.textContent = t('overdueTitle');
    list.replaceChildren(...(items.length ? items.map((i) => el('li', { 'data-code': i.code },
      el('div', { class: 'oi-head' },
        el('span', { class: 'oi-code' }, i.code),
        el('span', { class: 'oi-cat' }, categoryName(categories, i.category)),
        el('span', { class: 'oi-late' }, lateness(i))),
      el('div', { class: 'oi-meta' },
        `${tKey('stage_', i.stage)} · ${t('responsible')} ${unitName(units, i.responsibleUnit, i.responsibleUnitName)}`,
        i.escalation !== 'grid' ? ` · ${tFill('escalatedTo', { level: tKey('escalation_', i.escalation) })}` : '')))
      : [el('li', { class: 'muted none' }, t('overdueNone'))]));
  };
  onLang(render);
  return {
    element: box,
    async load() { items = await api.incidents({ overdue: true, limit: 10 }); render(); },
  };
}
