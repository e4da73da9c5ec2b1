import { lang, onLang, t, tFill, text } from '../i18n';
import { el } from '../ui/dom';
import { langSwitch } from '../ui/langSwitch';
import { residentApi, ResidentRefusal } from '../resident/residentApi';
import { residentMap } from '../resident/residentMap';
import { photoPicker } from '../resident/photoPicker';
import { installTestHook } from '../testHook';
import { light } from '../theme';

/**
 * /report: a resident reports a problem without an account, phone first. Where (a tap on the map or the phone's
 * location), what (a category), in their words, with up to six photos; the answer is a tracking link to follow it.
 */
export async function reportView(root: HTMLElement): Promise<void> {
  document.body.classList.add('view-resident');
  const form = await residentApi.form();
  let place: [number, number] | null = null;

  const title = text('h1', 'reportTitle', 'resident-title');
  const mapBox = el('div', { class: 'resident-map', 'data-testid': 'report-map' });
  const placeText = el('p', { class: 'resident-place', 'data-testid': 'report-place' });
  const showPlace = () => {
    placeText.textContent = place ? `${t('reportPlaceChosen')}：${place[1].toFixed(5)}, ${place[0].toFixed(5)}` : t('reportNoPlace');
  };
  const locate = el('button', { type: 'button', class: 'resident-secondary', 'data-testid': 'report-locate' });
  const category = el('select', { name: 'category', required: '', 'data-testid': 'report-category' });
  const description = el('textarea', { name: 'description', rows: '4', maxlength: '4000', required: '', 'data-testid': 'report-description' });
  const photos = photoPicker(6);
  const submit = el('button', { type: 'submit', class: 'resident-primary', 'data-testid': 'report-submit' });
  const message = el('p', { class: 'resident-message', role: 'alert', 'data-testid': 'report-message' });
  const result = el('section', { class: 'resident-result', hidden: '', 'data-testid': 'report-result' });

  onLang(() => {
    document.title = t('reportTitle');
    locate.textContent = t('reportUseLocation');
    description.placeholder = t('reportDescriptionHint');
    submit.textContent = t('reportSubmit');
    const chosen = category.value;
    category.replaceChildren(el('option', { value: '' }, t('reportChooseCategory')),
      ...form.categories.map((c) => el('option', { value: c.code }, lang() === 'en' ? c.nameEn : c.nameZh)));
    category.value = chosen;
    showPlace();
  });

  const formEl = el('form', { class: 'resident-form', novalidate: '' },
    el('label', { class: 'resident-field' }, text('span', 'reportWhere'), mapBox, el('div', { class: 'resident-row' }, placeText, locate)),
    el('label', { class: 'resident-field' }, text('span', 'reportCategory'), category),
    el('label', { class: 'resident-field' }, text('span', 'reportDescription'), description),
    el('div', { class: 'resident-field' }, text('span', 'reportPhotos'), photos.element),
    submit, message);
  root.append(el('main', { class: 'resident' },
    el('header', { class: 'resident-bar' }, el('div', { class: 'logo' }), title, langSwitch()), formEl, result));

  const map = residentMap(mapBox, form, light, (lonLat) => { place = lonLat; showPlace(); });
  installTestHook('report', map.map, light, Promise.resolve());

  locate.addEventListener('click', () => {
    if (!navigator.geolocation) { message.textContent = t('reportLocationFailed'); return; }
    locate.disabled = true;
    locate.textContent = t('reportLocating');
    navigator.geolocation.getCurrentPosition((p) => {
      locate.disabled = false;
      locate.textContent = t('reportUseLocation');
      message.textContent = '';
      map.pin([p.coords.longitude, p.coords.latitude]);
    }, () => {
      locate.disabled = false;
      locate.textContent = t('reportUseLocation');
      message.textContent = t('reportLocationFailed');
    }, { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 });
  });

  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    // The server checks everything again and words its refusals; these only spare a round trip.
    if (!place) { message.textContent = t('reportNoPlace'); return; }
    if (!category.value) { message.textContent = t('reportChooseCategory'); return; }
    if (!description.value.trim()) { message.textContent = t('reportNeedDescription'); return; }
    const body = new FormData();
    body.set('category', category.value);
    body.set('lat', String(place[1]));
    body.set('lon', String(place[0]));
    body.set('description', description.value);
    for (const file of photos.files()) body.append('photo', file, file.name);
    submit.disabled = true;
    submit.textContent = t('reportSending');
    message.textContent = '';
    residentApi.report(body).then((answer) => {
      formEl.hidden = true;
      const link = el('a', { href: answer.trackingUrl, class: 'resident-primary resident-link', 'data-testid': 'report-track-link' });
      const url = el('code', { class: 'resident-url', 'data-testid': 'report-track-url' }, location.origin + answer.trackingUrl);
      const intro = el('p', {});
      onLang(() => {
        intro.textContent = answer.duplicate ? t('reportDuplicate') : tFill('reportSent', { code: answer.code });
        link.textContent = t('reportTrackLink');
      });
      result.replaceChildren(intro, url, link);
      result.hidden = false;
      window.scrollTo(0, 0);
    }).catch((err: unknown) => {
      submit.disabled = false;
      submit.textContent = t('reportSubmit');
      message.textContent = err instanceof ResidentRefusal ? err.message : `${t('reportFailed')}: ${err instanceof Error ? err.message : String(err)}`;
    });
  });
}
