import { onLang, t, tFill } from '../i18n';
import { el } from '../ui/dom';

/**
 * Photos for a report: the camera (capture) or the phone's gallery, at most `max`, each previewed with a remove
 * button. The server checks and cleans them (type by their bytes, size, metadata stripped); here only the count.
 */
export function photoPicker(max: number): { element: HTMLElement; files: () => File[] } {
  const chosen: { file: File; url: string }[] = [];
  const camera = el('input', { type: 'file', accept: 'image/*', capture: 'environment', hidden: '', 'data-testid': 'report-camera' });
  const gallery = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: '', hidden: '', 'data-testid': 'report-photos' });
  const takeButton = el('button', { type: 'button', class: 'resident-secondary' });
  const pickButton = el('button', { type: 'button', class: 'resident-secondary' });
  const previews = el('div', { class: 'resident-previews', 'data-testid': 'report-previews' });
  const note = el('p', { class: 'resident-note' });

  const render = () => {
    previews.replaceChildren(...chosen.map((c, i) => {
      const remove = el('button', { type: 'button', class: 'resident-remove', 'aria-label': t('reportRemovePhoto') }, '×');
      remove.addEventListener('click', () => { URL.revokeObjectURL(c.url); chosen.splice(i, 1); render(); });
      return el('figure', { class: 'resident-preview' }, el('img', { src: c.url, alt: c.file.name }), remove);
    }));
    note.textContent = tFill('reportPhotoCount', { count: chosen.length, max });
    takeButton.disabled = pickButton.disabled = chosen.length >= max;
  };
  const add = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    const room = max - chosen.length;
    for (const file of files.slice(0, room)) chosen.push({ file, url: URL.createObjectURL(file) });
    render();
    if (files.length > room) note.textContent = tFill('reportTooManyPhotos', { max });
  };
  camera.addEventListener('change', () => add(camera));
  gallery.addEventListener('change', () => add(gallery));
  takeButton.addEventListener('click', () => camera.click());
  pickButton.addEventListener('click', () => gallery.click());
  onLang(() => { takeButton.textContent = t('reportTakePhoto'); pickButton.textContent = t('reportPickPhoto'); render(); });
  return {
    element: el('div', { class: 'resident-photos' }, el('div', { class: 'resident-row' }, takeButton, pickButton), camera, gallery, previews, note),
    files: () => chosen.map((c) => c.file),
  };
}
