import { fromLonLat } from 'ol/proj';
import { getJson, setCsrfToken } from '../api';
import { me } from '../auth';
import { onLang, t, tFill } from '../i18n';
import { createMap } from '../map/createMap';
import { startLive } from '../live/liveMap';
import { installTestHook } from '../testHook';
import { light } from '../theme';
import { el } from '../ui/dom';
import { langSwitch } from '../ui/langSwitch';
import { accountControl } from '../ui/accountControl';
import { fieldLayers } from '../field/fieldLayer';
import { outbox } from '../field/outbox';
import { startPings, type Fix } from '../field/pings';
import { reportForm } from '../field/reportForm';
import { taskList, type FieldTask } from '../field/taskList';
import { concernsMyTasks } from '../field/taskChanges';
import { startUploader } from '../field/uploader';
import { installApp } from '../field/installApp';
import { todayRouteLayer } from '../field/todayRoute';
import { offRouteHint } from '../field/offRouteHint';

/** The list is read again this often besides the live changes that concern it (a task can turn overdue by time alone). */
const TASKS_REFRESH_MS = 60_000;

// /field: the phone page of grid workers and party-member volunteers — my tasks (soonest due first) to accept,
// decline with a reason or resolve with a note and photos; a problem seen on patrol reported at my position; my
// position sent as pings; today's route on the map, with a hint when I have strayed from it. Everything goes
// through the outbox (IndexedDB), so it works without a connection and is sent, once, when the connection returns;
// "n 条待上传" shows what is waiting.
export async function fieldView(root: HTMLElement): Promise<void> {
  document.body.classList.add('view-field');
  installApp();
  const account = await me();
  // Kept now, while online: the outbox's writes need it later, perhaps sent the moment the connection returns.
  if (account.csrfToken) setCsrfToken(account.csrfToken);
  const mapTarget = el('div', { class: 'field-map', 'data-testid': 'field-map' });
  const pending = el('span', { class: 'field-pending', 'data-testid': 'field-pending', 'aria-live': 'polite' });
  const notice = el('p', { class: 'field-notice', role: 'status', 'data-testid': 'field-notice' });
  const where = el('span', { class: 'field-where', 'data-testid': 'field-where' });
  const title = el('h1', { class: 'field-title' });
  root.append(el('main', { class: 'field' },
    el('header', { class: 'field-bar' }, title, pending, langSwitch()),
    mapTarget, el('div', { class: 'field-status' }, where, accountControl()), notice));

  const ctx = await createMap({ target: mapTarget, palette: light, interactive: true });
  const layers = fieldLayers();
  layers.layers.forEach((l) => ctx.map.addLayer(l));
  const route = todayRouteLayer();
  ctx.map.addLayer(route.layer);
  const offRoute = offRouteHint(() => route.lines());
  mapTarget.after(offRoute.element);
  let fix: Fix | null = null;
  const judgeFix = () => offRoute.judge(fix);
  const tasks = taskList(ctx.categories, (task) => ctx.map.getView().animate({ center: fromLonLat(task.location), zoom: 18, duration: 300 }));
  const say = (m: string) => { notice.textContent = m; };
  const report = reportForm(ctx.categories, () => fix, () => say(t('fieldQueued')));
  root.querySelector('main')!.append(report, tasks.element);

  let count = 0;
  onLang(() => {
    title.textContent = t('fieldTitle');
    document.title = `${t('appTitle')} · ${t('fieldTitle')}`;
    pending.textContent = count ? tFill('fieldPending', { n: count }) : t('fieldAllSent');
    where.textContent = fix ? tFill('fieldPosition', { m: Math.round(fix.accuracy ?? 0) }) : t('fieldNoPosition');
    offRoute.show();
  });
  outbox.onCount((n) => {
    count = n;
    pending.textContent = n ? tFill('fieldPending', { n }) : t('fieldAllSent');
    pending.classList.toggle('waiting', n > 0);
  });

  // The list from the server, with what still waits in the outbox laid over it; a task never seen before vibrates.
  const seen = new Set<string>();
  let first = true;
  async function refresh(): Promise<void> {
    let fresh: FieldTask[];
    try { fresh = await getJson<FieldTask[]>('/api/tasks', 'no-store'); } catch { return; } // offline: keep what is shown
    const waiting = (await outbox.all()).flatMap((i) => (i.step ? [i.step] : []));
    tasks.show(fresh, waiting);
    layers.showTasks(tasks.tasks());
    const arrived = fresh.filter((x) => !seen.has(x.code));
    arrived.forEach((x) => seen.add(x.code));
    if (!first && arrived.length) {
      say(`${t('fieldNewTask')}: ${arrived.map((x) => x.code).join('、')}`);
      if ('vibrate' in navigator) navigator.vibrate([200, 100, 200]);
    }
    first = false;
  }
  const uploader = startUploader({ onRefused: (detail) => say(tFill('fieldRefused', { detail })), onSent: () => void refresh() });
  const showLink = () => { if (!navigator.onLine) say(t('fieldOffline')); else { say(''); void uploader.flush(); } };
  window.addEventListener('offline', showLink);
  window.addEventListener('online', showLink);
  outbox.onCount(() => { layers.showTasks(tasks.tasks()); if (navigator.onLine) void uploader.flush(); });

  if (account.person) startPings(account.person, (f) => {
    // The first fix brings the map to where I stand (the district's whole extent means nothing on a phone).
    if (!fix) ctx.map.getView().animate({ center: fromLonLat([f.lon, f.lat]), zoom: 17, duration: 0 });
    fix = f;
    layers.showMe(f);
    where.textContent = tFill('fieldPosition', { m: Math.round(f.accuracy ?? 0) });
    Object.assign(where.dataset, { lon: String(f.lon), lat: String(f.lat) });
    judgeFix();
  });
  if (account.person) void route.load(account.person).then(judgeFix);

  let liveReloads = 0;
  // A new task reaches the page at once: a live change that may concern my list reads it again (concernsMyTasks).
  const live = startLive(ctx, {
    pulse: false,
    onFeature: (layer, properties) => {
      if (layer !== 'incidents' || !concernsMyTasks(properties, tasks.tasks())) return;
      liveReloads++;
      void refresh();
    },
    // A route assigned, redrawn or taken away today is read again (any route's change: the list is small).
    onRoute: () => { if (account.person) void route.load(account.person).then(judgeFix); },
  });
  root.querySelector('.field-bar')!.append(live.badge);
  window.setInterval(() => void refresh(), TASKS_REFRESH_MS);
  const loaded = refresh();
  installTestHook('field', ctx.map, light, loaded, { fieldLiveReloads: () => liveReloads });
}
