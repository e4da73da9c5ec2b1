import type { Category } from '../api';
import { t } from '../i18n';
import { el } from '../ui/dom';
import { categoryName } from '../ui/format';
import { outbox } from './outbox';
import { photoInput } from './taskList';
import type { Fix } from './pings';

/** Reporting a problem or hazard seen on patrol, at my position, with photos; it goes to the outbox like every action. */
export function reportForm(categories: Category[], position: () => Fix | null, onQueued: () => void): HTMLElement {
  const category = el('select', { 'data-testid': 'field-report-category' },
    ...categories.filter((c) => c.code !== 'ownership_unclear').map((c) => el('option', { value: c.code }, categoryName(categories, c.code))));
  const description = el('textarea', { rows: '2', 'data-testid': 'field-report-description', placeholder: t('fieldReportDescription') });
  const photos = photoInput();
  const send = el('button', { type: 'submit', class: 'field-primary', 'data-testid': 'field-report-send' }, t('fieldSend'));
  const form = el('form', { class: 'field-form', hidden: '' }, el('label', {}, t('fieldReportCategory'), category), description,
    el('label', { class: 'field-photo-label' }, t('fieldPhotos'), photos.element), send);
  const toggle = el('button', { type: 'button', class: 'field-report-toggle', 'data-testid': 'field-report' }, t('fieldReport'));
  toggle.addEventListener('click', () => { form.hidden = !form.hidden; });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const at = position();
    if (!at) { toggle.textContent = t('fieldNoPosition'); return; }
    void outbox.add({ report: { category: category.value, lat: at.lat, lon: at.lon, description: description.value.trim() }, photos: photos.files() })
      .then(() => { form.reset(); form.hidden = true; onQueued(); });
  });
  return el('section', { class: 'field-report' }, toggle, form);
}
