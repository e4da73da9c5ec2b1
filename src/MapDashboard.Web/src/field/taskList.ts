import type { Category } from '../api';
import { onLang, t, tFill, tKey } from '../i18n';
import { el } from '../ui/dom';
import { categoryName, dateTime } from '../ui/format';
import { outbox } from './outbox';

/** One of my tasks as GET /api/tasks lists them (soonest due first). */
export interface FieldTask {
  code: string;
  category: Category;
  description: string | null;
  stage: 'dispatched' | 'accepted';
  location: [number, number];
  reportedAt: string;
  stageDueAt: string | null;
  overdue: boolean;
  grid: { code: string; name: string } | null;
}

/** The photos picked with a camera input (capture: the phone's back camera), kept as Blobs for the outbox. */
export function photoInput(): { element: HTMLInputElement; files(): Blob[] } {
  const element = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', capture: 'environment', multiple: '', 'data-testid': 'field-photos' });
  return { element, files: () => [...(element.files ?? [])] };
}

/**
 * My tasks, each with what can be done to it now: accept or decline (with a reason) a dispatched one, resolve (with a
 * note and photos) an accepted one. An action goes to the outbox and the card leaves the list at once; the outbox
 * sends it when it can. `onPick` centres the map on a task.
 */
export function taskList(categories: Category[], onPick: (task: FieldTask) => void) {
  const list = el('ul', { class: 'field-tasks', 'data-testid': 'field-tasks' });
  const empty = el('p', { class: 'field-empty' });
  const done = new Set<string>(); // codes acted on here whose answer has not come back in a fresh list yet
  let tasks: FieldTask[] = [];

  function form(task: FieldTask, action: 'decline' | 'resolve'): HTMLElement {
    const note = el('textarea', { rows: '2', 'data-testid': `field-${action}-note`, placeholder: t(action === 'decline' ? 'fieldDeclineReason' : 'fieldResolveNote') });
    const photos = action === 'resolve' ? photoInput() : null;
    const send = el('button', { type: 'submit', class: 'field-primary', 'data-testid': `field-${action}-send` }, t('fieldSend'));
    const box = el('form', { class: 'field-form' }, note, photos ? el('label', { class: 'field-photo-label' }, t('fieldPhotos'), photos.element) : null, send);
    box.addEventListener('submit', (e) => {
      e.preventDefault();
      if (action === 'decline' && !note.value.trim()) { note.focus(); return; }
      void act(task, action, note.value.trim() || null, photos?.files() ?? []);
    });
    return box;
  }

  async function act(task: FieldTask, action: 'accept' | 'decline' | 'resolve', note: string | null, photos: Blob[]) {
    await outbox.add({ step: { code: task.code, action, note }, photos });
    if (action === 'accept') task.stage = 'accepted'; else done.add(task.code);
    render();
  }

  function card(task: FieldTask): HTMLElement {
    const due = task.overdue ? el('span', { class: 'field-overdue' }, t('fieldOverdue'))
      : task.stageDueAt ? el('span', { class: 'field-due' }, tFill('fieldDue', { time: dateTime(task.stageDueAt) })) : null;
    const actions = el('div', { class: 'field-actions' });
    const item = el('li', { class: `field-task stage-${task.stage}`, 'data-code': task.code, 'data-testid': 'field-task' },
      el('div', { class: 'field-task-head' }, el('b', {}, categoryName(categories, task.category.code)), el('span', { class: 'field-stage' }, tKey('stage_', task.stage))),
      el('div', { class: 'field-task-meta' }, task.code, ' · ', task.grid?.name ?? '', ' ', due),
      task.description ? el('p', { class: 'field-task-text' }, task.description) : null,
      actions);
    item.addEventListener('click', (e) => { if (e.target === item || (e.target as HTMLElement).closest('.field-task-head')) onPick(task); });
    const button = (key: 'fieldAccept' | 'fieldDecline' | 'fieldResolve', testid: string, run: () => void) => {
      const b = el('button', { type: 'button', 'data-testid': testid }, t(key));
      b.addEventListener('click', run);
      actions.append(b);
    };
    const open = (action: 'decline' | 'resolve') => { actions.replaceChildren(form(task, action)); };
    if (task.stage === 'dispatched') {
      button('fieldAccept', 'field-accept', () => void act(task, 'accept', null, []));
      button('fieldDecline', 'field-decline', () => open('decline'));
    } else {
      button('fieldResolve', 'field-resolve', () => open('resolve'));
    }
    return item;
  }

  function render() {
    const shown = tasks.filter((x) => !done.has(x.code));
    list.replaceChildren(...shown.map(card));
    empty.textContent = shown.length ? '' : t('fieldNoTasks');
  }
  onLang(render);

  return {
    element: el('section', { class: 'field-list' }, list, empty),
    tasks: () => tasks.filter((x) => !done.has(x.code)),
    /** A fresh list from the server; an action still waiting in the outbox keeps its card changed or hidden. */
    show(fresh: FieldTask[], waiting: { code: string; action: string }[]) {
      tasks = fresh.map((x) => (waiting.some((w) => w.code === x.code && w.action === 'accept') ? { ...x, stage: 'accepted' } : x));
      done.clear();
      for (const w of waiting) if (w.action !== 'accept') done.add(w.code);
      render();
    },
  };
}
