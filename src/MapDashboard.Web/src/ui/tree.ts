import type { TerritoryUnit } from '../api';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';

// District → street → community → grid navigator over GET /api/territory's flat list.
// Children render only when a node is first expanded: a city has ~1,600 grids.
export function territoryTree(units: TerritoryUnit[], onPick: (u: TerritoryUnit) => void) {
  const children = new Map<string | null, TerritoryUnit[]>();
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const u of units) {
    const key = u.parentCode && byCode.has(u.parentCode) ? u.parentCode : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(u);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  const rows = new Map<string, { li: HTMLLIElement; expand: () => void }>();
  const root = el('ul', { class: 'tree', 'data-testid': 'territory-tree' });

  function node(u: TerritoryUnit, depth: number): HTMLLIElement {
    const kids = children.get(u.code) ?? [];
    const li = el('li', { class: `tree-node kind-${u.kind}`, 'data-code': u.code });
    const toggle = el('button', { class: 'tree-toggle', type: 'button' }, kids.length ? '▸' : '');
    onLang(() => toggle.setAttribute('aria-label', t('treeExpand')));
    const kind = el('span', { class: 'tree-kind' });
    onLang(() => (kind.textContent = tKey('kind_', u.kind)));
    const isGrid = u.kind.endsWith('_grid');
    const label = el('button', { class: 'tree-label', type: 'button', title: u.code },
      isGrid ? el('span', { class: `status-dot ${u.status}` }) : null, el('span', { class: 'tree-name' }, u.name), kind);
    const row = el('div', { class: 'tree-row', style: `padding-left:${depth * 14 + 4}px` }, toggle, label);
    const sub = el('ul', { class: 'tree-children' });
    li.append(row, sub);
    let built = false;
    const expand = () => {
      if (!kids.length) return;
      if (!built) { sub.append(...kids.map((k) => node(k, depth + 1))); built = true; }
      li.classList.add('open');
      toggle.textContent = '▾';
    };
    toggle.addEventListener('click', () => {
      if (li.classList.contains('open')) { li.classList.remove('open'); toggle.textContent = '▸'; } else expand();
    });
    label.addEventListener('click', () => { expand(); onPick(u); });
    rows.set(u.code, { li, expand });
    return li;
  }

  const tops = children.get(null) ?? [];
  root.append(...tops.map((u) => node(u, 0)));
  tops.forEach((u) => rows.get(u.code)?.expand());

  const heading = el('h2', { class: 'panel-heading' });
  onLang(() => (heading.textContent = t('hierarchy')));

  return {
    element: el('section', { class: 'tree-section' }, heading, root),
    /** Expand the ancestors of a unit, mark it active and scroll it into view. */
    reveal(code: string) {
      const chain: string[] = [];
      for (let u = byCode.get(code); u; u = u.parentCode ? byCode.get(u.parentCode) : undefined) chain.unshift(u.code);
      chain.forEach((c) => rows.get(c)?.expand());
      root.querySelectorAll('.tree-row.active').forEach((r) => r.classList.remove('active'));
      const row = rows.get(code)?.li.firstElementChild as HTMLElement | undefined;
      row?.classList.add('active');
      row?.scrollIntoView({ block: 'nearest' });
    },
  };
}
