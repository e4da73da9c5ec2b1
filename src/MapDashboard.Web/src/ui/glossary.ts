import { onLang, t, type StringKey } from '../i18n';
import { el } from './dom';

const ENTRIES: StringKey[] = ['gl_gridColour', 'gl_reportedToday', 'gl_open', 'gl_overdue', 'gl_closureRate', 'gl_onTimeClosureRate',
  'gl_satisfactionRate', 'gl_patrolCoverage', 'gl_patrolTable', 'gl_comparison'];

/**
 * What every figure on the screen means — numerator, denominator, period — one click from the legend
 * (a folded section of it). The words are the README's definitions ("Indicators"), in the reader's language.
 * data-testid glossary, each entry li data-key.
 */
export function glossary(): HTMLElement {
  const box = el('details', { class: 'glossary', 'data-testid': 'glossary' });
  onLang(() => box.replaceChildren(
    el('summary', { 'data-testid': 'glossary-toggle' }, t('glossary')),
    el('p', { class: 'small' }, t('glossaryIntro')),
    el('ul', {}, ...ENTRIES.map((k) => el('li', { 'data-key': k.slice(3) }, t(k)))),
    el('p', { class: 'small muted' }, t('glossaryStandard')),
  ));
  return box;
}
