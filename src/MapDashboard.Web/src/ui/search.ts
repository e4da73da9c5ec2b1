import { api, type Category, type SearchHit, type TerritoryUnit } from '../api';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';
import { errorText } from './errorText';
import { categoryName, unitName } from './format';

// The search box over anything a leader knows (GET /api/territory/search): units, grid codes, people (masked, and
// only where the account may see them), buildings, compounds, incidents, findings. Each hit says what it is
// (data-match, the badge) with its name first and its code as secondary text. Debounced so typing a code does not
// fire a request per keystroke; Enter picks the first hit. `offer(q)` puts a query in the box, runs it and focuses
// the box (a deep link that named no grid offers the search).
export function searchBox(categories: Category[], units: TerritoryUnit[], onPick: (hit: SearchHit) => void) {
  const input = el('input', { type: 'search', class: 'search-input', 'data-testid': 'search', autocomplete: 'off' });
  onLang(() => (input.placeholder = t('searchPlaceholder')));
  const results = el('ul', { class: 'search-results', 'data-testid': 'search-results' });
  let timer = 0;
  let last: SearchHit[] = [];
  let seq = 0;

  const pick = (hit: SearchHit) => { results.replaceChildren(); onPick(hit); };
  async function run() {
    const q = input.value.trim();
    if (!q) { results.replaceChildren(); last = []; return; }
    const mine = ++seq;
    try {
      const hits = await api.search(q);
      if (mine !== seq) return; // a newer query is in flight
      last = hits;
      results.replaceChildren(...(hits.length ? hits.map((hit) => {
        const [name, meta] = describe(hit, categories, units);
        const li = el('li', { class: 'search-hit', 'data-code': hit.code, 'data-match': hit.match },
          el('span', { class: 'hit-title' }, el('span', { class: `hit-kind match-${hit.match}` }, matchLabel(hit)), el('span', { class: 'hit-name' }, name)),
          el('span', { class: 'hit-meta' }, meta));
        li.addEventListener('click', () => pick(hit));
        return li;
      }) : [el('li', { class: 'search-empty' }, t('searchNone'))]));
    } catch (e) {
      if (mine === seq) results.replaceChildren(el('li', { class: 'search-empty' }, errorText(e)));
    }
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(run, 250); });
  input.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter') return;
    clearTimeout(timer);
    await run();
    if (last[0]) pick(last[0]);
  });
  return {
    element: el('div', { class: 'search' }, input, results),
    offer(q: string) { input.value = q; input.focus(); clearTimeout(timer); void run(); },
  };
}

/** 单元 / 网格 / 人员 / 建筑 / 小区 / 事件 / 发现: what a hit is, in one word. */
function matchLabel(hit: SearchHit): string {
  if (hit.match === 'unit') return t(hit.kind.endsWith('_grid') ? 'match_grid' : 'match_unit');
  return tKey('match_', hit.match);
}

/** The hit's name (what a person reads first) and its secondary line: kind, place, code. */
function describe(hit: SearchHit, categories: Category[], units: TerritoryUnit[]): [string, string] {
  const where = hit.grid?.name;
  const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
  switch (hit.match) {
    case 'unit': return [hit.name, line(tKey('kind_', hit.kind), hit.code)];
    case 'person': return [hit.person.name ?? hit.code, line(tKey('personRole_', hit.role), where, hit.code)];
    case 'building': return [hit.name, line(hit.compound, where, hit.code)];
    case 'compound': return [hit.name, line(`${hit.buildings} ${t('buildingsUnit')}`, where)];
    case 'incident': return [hit.description || categoryName(categories, hit.category),
      line(categoryName(categories, hit.category), tKey('stage_', hit.stage), where, hit.code)];
    case 'finding': return [`${tKey('findingKind_', hit.kind)} · ${hit.units.slice(0, 3).map((u) => unitName(units, u)).join('、')}`,
      line(tKey('findingStatus_', hit.status), hit.code)];
  }
}
