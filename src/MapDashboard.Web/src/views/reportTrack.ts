import { lang, onLang, t, tFill, tKey, text } from '../i18n';
import { el } from '../ui/dom';
import { langSwitch } from '../ui/langSwitch';
import { dateTime } from '../ui/format';
import { incidentHistoryLine } from '../ui/historyText';
import type { IncidentHistoryEntry } from '../api';
import { setDistrictTimeZone } from '../timeZone';
import { residentApi, ResidentRefusal, type Tracked } from '../resident/residentApi';

/**
 * How often the open page asks again. Polling, not the hub: the hub needs an account and subscribes by area and
 * layer, and a resident follows one incident whose stage changes a few times in days; a 15 s poll of a small,
 * token-scoped answer is cheap for the server (rate limited like every open door) and needs nothing new.
 */
const POLL_MS = 15_000;

/**
 * /report/track/{token}: the resident follows the report — the stage in plain words, what happened when (times in
 * the district's zone), the category, the description and the photos; after resolution, a rating of 1–5 with a
 * comment. Nothing about staff but their role.
 */
export async function reportTrackView(root: HTMLElement): Promise<void> {
  document.body.classList.add('view-resident');
  const token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[2] ?? '');
  const title = text('h1', 'trackTitle', 'resident-title');
  const body = el('section', { class: 'resident-track', 'data-testid': 'track' });
  const updated = el('p', { class: 'resident-note', 'data-testid': 'track-updated' });
  const rating = ratingForm(token, () => void refresh());
  root.append(el('main', { class: 'resident' },
    el('header', { class: 'resident-bar' }, el('div', { class: 'logo' }), title, langSwitch()), body, rating.message, updated));

  let shown: Tracked | null = null;
  let failure: (() => string) | null = null;
  let lastAt: Date | null = null;

  const render = () => {
    document.title = t('trackTitle');
    updated.textContent = lastAt ? tFill('trackUpdated', { time: dateTime(lastAt.toISOString()) }) : '';
    if (failure) { body.replaceChildren(el('p', { class: 'resident-message', role: 'alert', 'data-testid': 'track-message' }, failure())); return; }
    if (!shown) return;
    const s = shown;
    const photos = (action: 'report' | 'resolve') => s.photos.filter((p) => p.action === action).map((p) =>
      el('a', { href: residentApi.photoUrl(token, p.id), target: '_blank', rel: 'noopener' },
        el('img', { src: residentApi.photoUrl(token, p.id, true), alt: t(action === 'report' ? 'trackPhotoReport' : 'trackPhotoResolve'), 'data-testid': `track-photo-${action}` })));
    const reportPhotos = photos('report');
    const resolvePhotos = photos('resolve');
    body.replaceChildren(
      el('div', { class: `resident-stage stage-${s.stage}` },
        el('strong', { 'data-testid': 'track-stage' }, tKey('stage_', s.stage)),
        el('span', {}, tKey('trackStageHelp_', s.stage))),
      el('dl', { class: 'resident-facts' },
        el('dt', {}, t('trackCode')), el('dd', {}, s.code),
        el('dt', {}, t('reportCategory')), el('dd', { 'data-testid': 'track-category' }, categoryName(s)),
        el('dt', {}, t('trackReportedAt')), el('dd', {}, dateTime(s.reportedAt)),
        ...(s.rating != null ? [el('dt', {}, t('trackYourRating')), el('dd', { 'data-testid': 'track-rating' }, tFill('trackStars', { rating: s.rating }))] : [])),
      el('p', { class: 'resident-description', 'data-testid': 'track-description' }, s.description),
      ...(reportPhotos.length ? [el('h2', {}, t('trackPhotoReport')), el('div', { class: 'resident-previews' }, ...reportPhotos)] : []),
      ...(resolvePhotos.length ? [el('h2', {}, t('trackPhotoResolve')), el('div', { class: 'resident-previews' }, ...resolvePhotos)] : []),
      ...(s.canRate ? [rating.element] : []),
      el('h2', {}, t('trackHistory')),
      el('ol', { class: 'resident-history', 'data-testid': 'track-history' }, ...s.history.slice().reverse().map((h) =>
        el('li', {}, el('time', {}, dateTime(h.at)), ' ',
          incidentHistoryLine({ ...h, actor: '', note: '' } satisfies IncidentHistoryEntry)))));
  };

  let timer = 0;
  async function refresh(): Promise<void> {
    window.clearTimeout(timer);
    try {
      shown = await residentApi.track(token);
      setDistrictTimeZone(shown.timeZone);
      failure = null;
      lastAt = new Date();
    } catch (err) {
      // A wrong link says so and stops; a network hiccup keeps the last answer and tries again.
      if (err instanceof ResidentRefusal && err.status === 404) { failure = () => err.message; shown = null; render(); return; }
      if (!shown) failure = () => `${t('trackLoadFailed')}: ${err instanceof Error ? err.message : String(err)}`;
    }
    render();
    timer = window.setTimeout(() => void refresh(), POLL_MS);
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') void refresh(); });
  onLang(render);
  await refresh();
}

const categoryName = (s: Tracked) => (lang() === 'en' ? s.category.nameEn : s.category.nameZh);

/** Stars 1–5 and a comment; a low rating sends the work back (the server's rule), which the answer says. */
function ratingForm(token: string, done: () => void): { element: HTMLElement; message: HTMLElement } {
  let stars = 0;
  const buttons = [1, 2, 3, 4, 5].map((n) => {
    const b = el('button', { type: 'button', class: 'resident-star', 'data-testid': `rate-${n}`, 'aria-pressed': 'false' }, '★');
    b.addEventListener('click', () => { stars = n; buttons.forEach((x, i) => x.setAttribute('aria-pressed', String(i < n))); });
    return b;
  });
  const comment = el('textarea', { rows: '3', maxlength: '2000', 'data-testid': 'rate-comment' });
  const submit = el('button', { type: 'button', class: 'resident-primary', 'data-testid': 'rate-submit' });
  const message = el('p', { class: 'resident-message', role: 'alert', 'data-testid': 'rate-message' });
  const heading = text('h2', 'trackRateTitle');
  onLang(() => { comment.placeholder = t('trackRateComment'); submit.textContent = t('trackRateSubmit'); });
  submit.addEventListener('click', () => {
    if (!stars) { message.textContent = t('trackChooseStars'); return; }
    submit.disabled = true;
    residentApi.rate(token, stars, comment.value.trim()).then((answer) => {
      message.classList.add('ok');
      message.textContent = answer.reopened ? t('trackReopened') : t('trackRated');
      done();
    }).catch((err: unknown) => {
      message.classList.remove('ok');
      message.textContent = err instanceof Error ? err.message : String(err);
    }).finally(() => { submit.disabled = false; });
  });
  // The message stays below the page when the form goes (the incident is no longer resolved once rated).
  return { element: el('section', { class: 'resident-rate', 'data-testid': 'rate' }, heading, el('div', { class: 'resident-stars' }, ...buttons), comment, submit), message };
}
