import type { TerritoryUnit } from '../api';
import type { RouteAnalysis, Stop } from '../patrolApi';
import { onLang, t, tKey } from '../i18n';
import { el, fmt } from './dom';
import { percent, unitName } from './format';
import { errorText } from './errorText';

type State = 'empty' | 'pending' | 'shown' | 'failed';

/**
 * What the draft route covers (POST /api/routes/analysis): its grid, the share of the grid
 * within the visit radius, the buildings and hazards it passes and those it misses.
 * data-testid: route-analysis (data-state), analysis-grid, analysis-share, analysis-passes,
 * analysis-misses, pass-list, miss-list.
 */
export function routeAnalysisPanel(units: TerritoryUnit[], onMiss: (lon: number, lat: number) => void) {
  const element = el('section', { class: 'route-analysis', 'data-testid': 'route-analysis', 'data-state': 'empty' });
  let analysis: RouteAnalysis | null = null;
  let state: State = 'empty';
  let error = '';

  const figure = (testid: string, value: string, label: string) =>
    el('div', { class: 'metric small-metric' }, el('div', { class: 'metric-value', 'data-testid': testid }, value), el('div', { class: 'metric-label' }, label));
  const stopItem = (s: Stop) => el('li', { 'data-code': s.code }, el('span', { class: `stop-kind ${s.kind}` }, tKey('stopKind_', s.kind)), el('span', {}, s.name || s.code));

  function render() {
    element.dataset.state = state;
    const heading = el('h2', { class: 'panel-heading' }, t('analysisTitle'));
    if (state === 'empty' || !analysis) {
      const note = state === 'failed' ? `${t('analysisFailed')}: ${error}` : state === 'pending' ? t('analysing') : t('analysisEmpty');
      element.replaceChildren(heading, el('div', { class: 'muted' }, note));
      return;
    }
    const a = analysis;
    // A miss the grid still owes a visit today (unvisited, or due for a revisit) is marked: those are what a
    // suggested route visits, so the analysis of one shows none.
    const misses = el('ul', { class: 'stop-list misses', 'data-testid': 'miss-list' }, ...a.misses.map((m) => {
      const li = stopItem(m);
      if (m.owed) { li.classList.add('owed'); li.append(el('span', { class: 'when owed-tag' }, t('owedToday'))); }
      li.title = t('showOnMap');
      li.addEventListener('click', () => onMiss(m.lon, m.lat));
      return li;
    }));
    element.replaceChildren(
      heading,
      el('div', { class: 'analysis-grid', 'data-testid': 'analysis-grid', 'data-code': a.grid ?? '' },
        `${t('grid')}: ${a.grid ? `${unitName(units, a.grid)} (${a.grid})` : '—'}`),
      el('div', { class: 'metrics three' },
        figure('analysis-share', percent(a.areaShare), t('gridShare')),
        figure('analysis-passes', fmt(a.passes.length), t('passes')),
        figure('analysis-misses', fmt(a.misses.length), t('misses'))),
      el('div', { class: 'muted small' }, `${t('visitRadius')} ${fmt(a.radiusMetres)} ${t('metres')}${state === 'pending' ? ` · ${t('analysing')}` : ''}${state === 'failed' ? ` · ${t('analysisFailed')}: ${error}` : ''}`),
      el('details', { class: 'stops', open: '' }, el('summary', {}, `${t('passes')} (${a.passes.length})`),
        el('ul', { class: 'stop-list passes', 'data-testid': 'pass-list' }, ...a.passes.map(stopItem))),
      el('details', { class: 'stops', open: '' }, el('summary', {}, `${t('misses')} (${a.misses.length})`), misses),
    );
  }
  onLang(render);
  return {
    element,
    pending() { state = 'pending'; render(); },
    show(a: RouteAnalysis | null) { analysis = a; state = a ? 'shown' : 'empty'; render(); },
    failed(e: unknown) { state = 'failed'; error = errorText(e); render(); },
    current: () => (state === 'shown' ? analysis : null),
  };
}
