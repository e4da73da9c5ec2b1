import { api, type TerritoryUnit } from '../api';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';
import { errorText } from './errorText';

// Name or grid-code search (GET /api/territory/search). Debounced so typing a code
// does not fire a request per keystroke; Enter picks the first hit. `offer(q)` puts a query in
// the box, runs it and focuses the box (a deep link that named no grid offers the search).
export function searchBox(onPick: (u: TerritoryUnit) => void) {
  const input = el('input', { type: 'search', class: 'search-input', 'data-testid': 'search', autocomplete: 'off' });
  onLang(() => (input.placeholder = t('searchPlaceholder')));
  const results = el('ul', { class: 'search-results', 'data-testid': 'search-results' });
  let timer = 0;
  let last: TerritoryUnit[] = [];
  let seq = 0;

  const pick = (u: TerritoryUnit) => { results.replaceChildren(); onPick(u); };
  async function run() {
    const q = input.value.trim();
    if (!q) { results.replaceChildren(); last = []; return; }
    const mine = ++seq;
    try {
      const hits = await api.search(q);
      if (mine !== seq) return; // a newer query is in flight
      last = hits;
      results.replaceChildren(...(hits.length ? hits.map((u) => {
        const li = el('li', { class: 'search-hit', 'data-code': u.code },
          el('span', { class: 'hit-name' }, u.name),
          el('span', { class: 'hit-meta' }, `${tKey('kind_', u.kind)} · ${u.code}`));
        li.addEventListener('click', () => pick(u));
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
