import type { RouteFeature, WorkerPosition } from '../patrolApi';
import { today } from '../patrolApi';
import { onLang, t, text, type StringKey } from '../i18n';
import { el } from './dom';

/**
 * Name, worker and date of the draft route, and Save (POST, or PUT for a loaded route) /
 * Delete. The worker list comes from GET /api/patrols/workers; until the planner picks one,
 * the draft's grid's own worker is preselected. The date also chooses the day whose saved
 * routes are listed. data-testid: route-name, route-worker, route-date, save-route,
 * delete-route, route-message.
 */
export function routeForm(o: { onSave(): void; onDelete(): void; onDate(date: string): void }) {
  const name = el('input', { type: 'text', class: 'field', 'data-testid': 'route-name', maxlength: '200' });
  const worker = el('select', { class: 'field', 'data-testid': 'route-worker' });
  const date = el('input', { type: 'date', class: 'field', 'data-testid': 'route-date' });
  date.value = today();
  const save = el('button', { class: 'btn primary', type: 'button', 'data-testid': 'save-route' });
  const remove = text('button', 'deleteRoute', 'btn danger');
  remove.dataset.testid = 'delete-route';
  const message = el('div', { class: 'form-message', 'data-testid': 'route-message', role: 'status' });
  let workers: WorkerPosition[] = [];
  let picked = false; // the planner chose a worker: no more preselecting
  let editing: number | null = null;

  const field = (key: StringKey, input: HTMLElement) => el('label', { class: 'form-row' }, text('span', key, 'form-label'), input);
  const element = el('section', { class: 'route-form', 'data-testid': 'route-form' },
    text('h2', 'saveTitle', 'panel-heading'),
    field('routeName', name), field('assignWorker', worker), field('plannedFor', date),
    el('div', { class: 'btn-row' }, save, remove), message);

  function renderWorkers() {
    const chosen = worker.value;
    worker.replaceChildren(el('option', { value: '' }, t('unassigned')),
      ...workers.map((w) => el('option', { value: w.code }, w.grid ? `${shownName(w)} · ${w.grid}` : shownName(w))));
    worker.value = chosen;
  }
  function render() {
    save.textContent = editing == null ? t('saveRoute') : t('updateRoute');
    remove.hidden = editing == null;
    name.placeholder = t('routeNamePlaceholder');
    renderWorkers();
  }
  onLang(render);

  worker.addEventListener('change', () => { picked = true; });
  date.addEventListener('change', () => o.onDate(date.value));
  save.addEventListener('click', o.onSave);
  remove.addEventListener('click', o.onDelete);
  name.addEventListener('keydown', (e) => { if (e.key === 'Enter') o.onSave(); });

  return {
    element,
    setWorkers(list: WorkerPosition[]) { workers = [...list].sort((a, b) => shownName(a).localeCompare(shownName(b), 'zh-CN')); renderWorkers(); },
    /** The draft lies in this grid: preselect its worker unless the planner chose one. */
    preferGrid(grid: string | null) {
      if (picked || !grid) return;
      const own = workers.find((w) => w.grid === grid);
      if (own) worker.value = own.code;
    },
    /** A loaded route's fields (editing it), or null for a new draft. */
    fill(r: RouteFeature | null) {
      editing = r?.id ?? null;
      name.value = r?.properties.name ?? '';
      worker.value = r?.properties.worker ?? '';
      picked = !!r;
      if (r?.properties.plannedFor) date.value = r.properties.plannedFor;
      render();
    },
    values: () => ({ name: name.value.trim(), worker: worker.value || undefined, plannedFor: date.value || undefined }),
    date: () => date.value,
    editing: () => editing,
    busy(on: boolean) { save.disabled = on; remove.disabled = on; },
    say(textValue: string, kind: 'ok' | 'error' | '' = '') { message.textContent = textValue; message.className = `form-message ${kind}`; },
  };
}

// A worker outside the account's jurisdiction comes without a name (personal data is removed there): show the code.
function shownName(w: WorkerPosition): string { return w.name ?? w.code; }
