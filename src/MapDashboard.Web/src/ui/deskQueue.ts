import { api, type Category, type IncidentSummary, type Stage } from '../api';
import { onLang, t, tFill, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, dateTime } from './format';

const STAGES: Stage[] = ['reported', 'dispatched', 'accepted', 'resolved', 'rated', 'closed'];
const LIMIT = 100;
/** How long a report that arrived while the desk was open is marked new. */
const NEW_MS = 120_000;

/**
 * The dispatch desk's queue (调度台) on /lead: the incidents of the account's jurisdiction, overdue first, then due
 * soonest, then newest (the order of GET /api/incidents), filtered by category, stage and overdue. Each row names
 * category, description, place (grid, building), stage and due time (Asia/Shanghai); an overdue one stands out in
 * red, one that arrived while the desk was open is marked new. `reload()` is called on every live incident change.
 * data-testid: desk-queue, desk-filter-category, desk-filter-stage, desk-filter-overdue, desk-list (li[data-code]).
 */
export function deskQueue(categories: Category[], unit: string, onChoose: (i: IncidentSummary) => void) {
  const heading = el('h2', { class: 'desk-title' });
  const category = el('select', { class: 'desk-filter', 'data-testid': 'desk-filter-category' });
  const stage = el('select', { class: 'desk-filter', 'data-testid': 'desk-filter-stage' });
  const overdue = el('input', { type: 'checkbox', 'data-testid': 'desk-filter-overdue' });
  const overdueLabel = el('span', {});
  const list = el('ul', { class: 'desk-list', 'data-testid': 'desk-list' });
  const element = el('section', { class: 'desk-queue', 'data-testid': 'desk-queue' },
    heading,
    el('div', { class: 'desk-filters' }, category, stage, el('label', { class: 'desk-check' }, overdue, overdueLabel)),
    list);

  let items: IncidentSummary[] = [];
  let chosen: string | null = null;
  let seen: Set<string> | null = null; // null until the first load: what is there then is not new
  const arrived = new Map<string, number>();

  function renderFilters() {
    const [c, s] = [category.value, stage.value];
    category.replaceChildren(el('option', { value: '' }, t('deskAllCategories')),
      ...categories.map((x) => el('option', { value: x.code }, categoryName(categories, x.code))));
    stage.replaceChildren(el('option', { value: '' }, t('deskAllOpen')), ...STAGES.map((x) => el('option', { value: x }, tKey('stage_', x))));
    category.value = c;
    stage.value = s;
    overdueLabel.textContent = t('deskOverdueOnly');
  }

  const row = (i: IncidentSummary) => {
    const place = [i.place?.grid?.name, i.place?.building ? [i.place.building.compound, i.place.building.name].filter(Boolean).join(' ') : null]
      .filter(Boolean).join(' · ') || t('placeUnknown');
    const isNew = (arrived.get(i.code) ?? 0) > Date.now() - NEW_MS;
    const li = el('li', {
      'data-code': i.code, 'data-stage': i.stage, 'data-overdue': String(i.overdue),
      class: ['desk-item', i.overdue ? 'overdue' : '', chosen === i.code ? 'chosen' : '', isNew ? 'new' : ''].filter(Boolean).join(' '),
    },
    el('div', { class: 'inc-row' },
      el('span', { class: `inc-stage stage-${i.stage}` }, tKey('stage_', i.stage)),
      el('span', { class: 'inc-cat' }, categoryName(categories, i.category)),
      isNew ? el('span', { class: 'desk-new' }, t('deskNew')) : null,
      i.overdue ? el('span', { class: 'inc-overdue', 'data-testid': 'desk-overdue' }, t('indOverdue')) : null),
    i.description ? el('div', { class: 'desk-desc' }, i.description) : null,
    el('div', { class: 'desk-place' }, place),
    el('div', { class: 'inc-code' }, [i.stageDueAt ? tFill('deskDue', { time: dateTime(i.stageDueAt) }) : t('deskNoDue'), i.code].join(' · ')));
    li.addEventListener('click', () => { chosen = i.code; render(); onChoose(i); });
    return li;
  };

  function render() {
    heading.textContent = `${t('deskTitle')} (${items.length}${items.length === LIMIT ? '+' : ''})`;
    list.replaceChildren(...(items.length ? items.map(row) : [el('li', { class: 'muted' }, t('deskEmpty'))]));
  }

  async function load() {
    const query: Record<string, string | number | boolean> = { unit, limit: LIMIT };
    if (stage.value) query.stage = stage.value; else query.open = true;
    if (category.value) query.category = category.value;
    if (overdue.checked) query.overdue = true;
    const rows = await api.incidents(query);
    if (seen) for (const r of rows) if (!seen.has(r.code) && r.stage === 'reported') arrived.set(r.code, Date.now());
    seen ??= new Set();
    for (const r of rows) seen.add(r.code);
    items = rows;
    render();
  }

  for (const f of [category, stage, overdue]) f.addEventListener('change', () => void load());
  onLang(() => { renderFilters(); render(); });
  return {
    element,
    load,
    /** The chosen incident (its row highlighted), or none. */
    choose(code: string | null) { chosen = code; render(); },
    codes: () => items.map((i) => i.code),
  };
}
