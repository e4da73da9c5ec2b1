import { api, type AssigneeCandidate, type Category, type DeskStep, type IncidentDetail, type TerritoryUnit } from '../api';
import { onLang, t, tFill, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, dateTime } from './format';
import { incidentHistoryLine } from './historyText';
import { errorText } from './errorText';

const OPEN_TO_DESK = new Set(['dispatched', 'accepted']);

/** The parts of a card that are there (a stage without an action leaves its place null). */
const present = (...parts: (Node | null)[]): Node[] => parts.filter((p): p is Node => p != null);

/** A candidate's name first, then what they are: "张** · 网格员 · 本网格 · 120 米 · 在办 1 件". */
const candidateName = (c: AssigneeCandidate) => c.organisation?.name ?? c.person?.name ?? `${tKey('personRole_', c.kind)} ${c.person?.code ?? ''}`;
const candidateMeta = (c: AssigneeCandidate) => [
  tKey('personRole_', c.kind),
  c.ownGrid ? t('deskOwnWorker') : c.grid.name,
  tFill('deskDistance', { m: c.distanceM, from: t(c.measuredFrom === 'position' ? 'deskFromPosition' : 'deskFromGrid') }),
  tFill('deskOpenTasks', { n: c.openTasks }),
  c.person?.code ?? c.organisation?.code,
].filter(Boolean).join(' · ');

/**
 * One incident on the dispatch desk, as a card over the map: what and where, when it is due, who has it, and what
 * the desk may do at its stage — dispatch to the suggested person (one click: the own grid's worker first, the
 * nearest others after), reassign, escalate, link it to the incident it repeats, close it once rated — then the
 * whole history, worded from the server's codes. A refused step says why and changes nothing.
 * data-testid: desk-card, desk-stage, desk-assignee, desk-suggestions, desk-dispatch-first, desk-assign[data-code],
 * desk-escalate, desk-reassign, desk-link-input, desk-link, desk-close, desk-error, desk-history.
 */
export function deskIncident(categories: Category[], units: TerritoryUnit[], onClose: () => void, onChanged: (d: IncidentDetail) => void) {
  const box = el('aside', { class: 'grid-panel desk-card', 'data-testid': 'desk-card', hidden: '' });
  let detail: IncidentDetail | null = null;
  let candidates: AssigneeCandidate[] | null = null;
  let reassigning = false;
  let linking = false;
  let busy = false;
  let failure: string | null = null;

  async function act(step: DeskStep, body: { assignee?: string; duplicateOf?: string } = {}) {
    if (!detail || busy) return;
    busy = true;
    failure = null;
    render();
    try {
      detail = await api.deskStep(detail.code, step, body);
      reassigning = linking = false;
      candidates = OPEN_TO_DESK.has(detail.stage) || detail.stage === 'reported' ? await api.assignees(detail.code).then((a) => a.candidates) : null;
      onChanged(detail);
    } catch (e) {
      failure = errorText(e);
    } finally {
      busy = false;
      render();
    }
  }

  const candidateRow = (c: AssigneeCandidate, step: 'dispatch' | 'reassign', first: boolean) => {
    const code = c.person?.code ?? c.organisation!.code;
    const button = el('button', {
      class: `btn ${first ? 'primary' : 'tiny'}`, type: 'button', 'data-testid': first ? 'desk-dispatch-first' : 'desk-assign', 'data-code': code,
    }, first ? `${t(step === 'dispatch' ? 'deskDispatch' : 'deskReassign')} → ${candidateName(c)}` : t(step === 'dispatch' ? 'deskDispatch' : 'deskReassign'));
    if (busy || (step === 'reassign' && c.current)) button.setAttribute('disabled', '');
    button.addEventListener('click', (e) => { e.stopPropagation(); void act(step, { assignee: code }); });
    return el('li', { class: `desk-candidate${first ? ' first' : ''}`, 'data-code': code, 'data-kind': c.kind },
      el('div', { class: 'desk-candidate-text' },
        el('div', { class: 'desk-candidate-name' }, candidateName(c), c.current ? el('span', { class: 'desk-current' }, t('deskCurrent')) : null),
        el('div', { class: 'inc-code' }, candidateMeta(c))),
      button);
  };

  const suggestions = (step: 'dispatch' | 'reassign') => {
    if (!candidates) return el('div', { class: 'muted' }, '…');
    if (!candidates.length) return el('div', { class: 'muted' }, t('deskNoCandidates'));
    const [first, ...rest] = step === 'reassign' ? candidates.filter((c) => !c.current).concat(candidates.filter((c) => c.current)) : candidates;
    return el('div', { 'data-testid': 'desk-suggestions' },
      el('h3', {}, t('deskSuggested')),
      el('ul', { class: 'desk-candidates' }, candidateRow(first, step, true)),
      rest.length ? el('h3', {}, t('deskOthers')) : null,
      el('ul', { class: 'desk-candidates' }, ...rest.map((c) => candidateRow(c, step, false))));
  };

  function actions(d: IncidentDetail): (HTMLElement | null)[] {
    const button = (key: Parameters<typeof t>[0], testid: string, onClick: () => void, primary = false) => {
      const b = el('button', { class: `btn${primary ? ' primary' : ''}`, type: 'button', 'data-testid': testid }, t(key));
      if (busy) b.setAttribute('disabled', '');
      b.addEventListener('click', onClick);
      return b;
    };
    if (d.stage === 'closed') return [];
    const escalate = d.stage === 'resolved' || d.stage === 'rated' || d.escalation === 'street' ? null
      : button('deskEscalate', 'desk-escalate', () => void act('escalate'));
    const reassign = OPEN_TO_DESK.has(d.stage)
      ? button('deskReassign', 'desk-reassign', () => { reassigning = !reassigning; render(); }, reassigning) : null;
    const close = d.stage === 'rated' ? button('deskClose', 'desk-close', () => void act('close'), true) : null;
    const link = button('deskLink', 'desk-link-toggle', () => { linking = !linking; render(); });
    const input = el('input', { class: 'desk-link-input', 'data-testid': 'desk-link-input', placeholder: t('deskLinkPlaceholder') });
    const confirm = button('deskLinkConfirm', 'desk-link', () => { if (input.value.trim()) void act('link', { duplicateOf: input.value.trim().toUpperCase() }); }, true);
    return [
      d.stage === 'reported' ? suggestions('dispatch') : null,
      d.stage === 'resolved' ? el('div', { class: 'muted' }, t('deskAwaitRating')) : null,
      d.stage === 'rated' && d.rating != null ? el('div', { class: 'muted' }, tFill('deskRating', { rating: d.rating })) : null,
      el('div', { class: 'btn-row desk-actions' }, close, reassign, escalate, link),
      reassigning ? suggestions('reassign') : null,
      linking ? el('div', { class: 'btn-row' }, input, confirm) : null,
    ];
  }

  function assignee(d: IncidentDetail) {
    const who = d.organisation ? `${d.organisation.name} · ${tKey('personRole_', 'co_building_unit')}`
      : d.worker ? `${d.worker.name ?? d.worker.code} · ${tKey('personRole_', d.worker.role ?? 'grid_worker')}` : t('deskUnassigned');
    return el('div', { class: 'desk-assignee', 'data-testid': 'desk-assignee' },
      tFill('deskLabelled', { label: t(d.stage === 'reported' ? 'deskRoutedTo' : 'deskAssignee'), value: who }));
  }

  function render() {
    const d = detail;
    if (!d) { box.hidden = true; return; }
    box.hidden = false;
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', onClose);
    box.classList.toggle('overdue', d.overdue);
    box.replaceChildren(...present(
      el('div', { class: 'grid-panel-head' },
        el('span', { class: `inc-stage stage-${d.stage}`, 'data-testid': 'desk-stage' }, tKey('stage_', d.stage)),
        el('div', {},
          el('h2', {}, categoryName(categories, d.category.code)),
          el('div', { class: 'crumbs' }, [d.code, tFill('deskLevel', { level: tKey('escalation_', d.escalation) })].join(' · '))),
        close),
      d.overdue ? el('div', { class: 'inc-overdue desk-overdue-banner' }, t('indOverdue')) : null,
      d.description ? el('p', { class: 'desk-description' }, d.description) : null,
      el('div', { class: 'desk-place' }, tFill('deskLabelled', { label: t('deskPlace'),
        value: [d.grid?.name, d.responsibleUnit && d.responsibleUnit.code !== d.grid?.code ? d.responsibleUnit.name : null].filter(Boolean).join(' · ') || t('placeUnknown') })),
      el('div', { class: 'inc-code' }, [tFill('deskReported', { time: dateTime(d.reportedAt) }),
        d.stageDueAt && d.stage !== 'closed' ? tFill('deskDue', { time: dateTime(d.stageDueAt) }) : null].filter(Boolean).join(' · ')),
      d.duplicateOf ? el('div', { class: 'muted' }, tFill('deskDuplicateOf', { code: d.duplicateOf })) : null,
      assignee(d),
      ...actions(d),
      busy ? el('div', { class: 'muted small' }, t('deskWorking')) : null,
      failure ? el('div', { class: 'error small', 'data-testid': 'desk-error', role: 'alert' }, failure) : null,
      el('h3', {}, t('deskHistory')),
      el('ol', { class: 'history', 'data-testid': 'desk-history', 'data-code': d.code },
        ...d.history.map((h) => el('li', { class: `h-kind-${h.kind}` }, el('span', { class: 'h-at' }, dateTime(h.at)), incidentHistoryLine(h, units))))));
  }
  onLang(render);

  return {
    element: box,
    /** Shows an incident (fetched fresh) with whom to send it to. */
    async show(code: string) {
      failure = null;
      reassigning = linking = false;
      const [d, a] = await Promise.all([api.incident(code), api.assignees(code).catch(() => null)]);
      detail = d;
      candidates = a?.candidates ?? [];
      render();
      return d;
    },
    /** Reloads the shown incident after a live change (someone else acted on it). */
    async refresh() {
      if (!detail || busy) return;
      const code = detail.code;
      const d = await api.incident(code).catch(() => null);
      if (d && detail?.code === code && !busy) { detail = d; render(); }
    },
    hide() { detail = null; candidates = null; render(); },
    current: () => detail?.code ?? null,
    stage: () => detail?.stage ?? null,
  };
}
