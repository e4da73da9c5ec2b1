import { api, type Category, type Finding } from '../api';
import { lang, onLang, t, tKey } from '../i18n';
import { el, fmt } from './dom';
import { findingSubject } from './findingText';

/**
 * A community's findings where ownership is unclear, largest first (GET /api/findings?unit=…),
 * for the leader view's side panel: kind, what it is about by name (codes as secondary text), size. A click hands the finding to `onPick` (zoom and explain).
 */
export function findingList(categories: Category[], onPick: (f: Finding) => void) {
  const heading = el('div', { class: 'panel-heading' });
  const list = el('ul', { class: 'finding-list', 'data-testid': 'finding-list' });
  const element = el('section', { class: 'findings', hidden: '' }, heading, list);
  let unit: { code: string; name: string } | null = null;
  let items: Finding[] = [];

  const subject = (f: Finding) => findingSubject(f.properties, categories);

  function render() {
    heading.textContent = `${t('findingsTitle')} · ${unit?.name ?? ''} (${items.length})`;
    list.replaceChildren(...(items.length ? items.map((f) => {
      const p = f.properties;
      const li = el('li', { 'data-id': String(f.id), 'data-code': p.code, title: lang() === 'en' ? p.explanation.en : p.explanation.zh },
        el('span', { class: 'hatch-chip' }),
        el('span', { class: 'f-kind' }, tKey('findingKind_', p.kind)),
        // Names first (the building, the units); their codes only as secondary text.
        el('span', { class: 'f-units' }, subject(f).names, el('span', { class: 'f-codes' }, subject(f).codes)),
        el('span', { class: 'f-area' }, p.areaM2 ? `${fmt(Math.round(p.areaM2))} ${t('squareMetres')}` : ''));
      li.addEventListener('click', () => onPick(f));
      return li;
    }) : [el('li', { class: 'muted' }, t('findingsNone'))]));
  }
  onLang(render);

  return {
    element,
    async show(code: string, name: string) {
      unit = { code, name };
      const collection = await api.findings(code);
      if (unit.code !== code) return;
      items = collection.features; // the server sends them largest first
      element.hidden = false;
      render();
    },
    current: () => unit?.code ?? null,
  };
}
