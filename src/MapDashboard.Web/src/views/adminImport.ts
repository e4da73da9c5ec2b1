import { lang, onLang, t, tKey, text } from '../i18n';
import { el } from '../ui/dom';
import { langSwitch } from '../ui/langSwitch';
import { importApi, ImportRefusal, type ImportAnswer } from '../admin/importApi';
import { importReportView } from '../admin/importReport';

const LAYERS = ['grids', 'units', 'buildings', 'hazards', 'organisations', 'people'];

/**
 * /admin/import (admin only): a district's own GIS file — a zipped Shapefile set, a GeoPackage or a GeoJSON — is
 * checked first (a dry run: the validation report, nothing written); "apply" then writes the same upload, audited
 * as the signed-in admin.
 */
export async function adminImportView(root: HTMLElement): Promise<void> {
  document.body.classList.add('view-admin');
  // The native file input words its button in the browser's language ("Choose File" on a zh-CN page): it stays
  // hidden, and a button of the page's own, in the page's language, opens it; the chosen file's name shows beside it.
  const file = el('input', { type: 'file', name: 'file', accept: '.zip,.gpkg,.geojson,.json', required: '', hidden: '', 'data-testid': 'import-file' });
  const chooseFile = el('button', { type: 'button', class: 'import-file-button', 'data-testid': 'import-file-button' });
  const fileName = el('span', { class: 'import-file-name', 'data-testid': 'import-file-name' });
  const showFileName = () => { fileName.textContent = file.files?.[0]?.name ?? t('importNoFileChosen'); };
  chooseFile.addEventListener('click', () => file.click());
  file.addEventListener('change', showFileName);
  const layer = el('select', { name: 'layer', 'data-testid': 'import-layer' });
  const srs = el('input', { name: 'srs', inputmode: 'numeric', pattern: '(EPSG:)?\\d{4,6}', 'data-testid': 'import-srs' });
  // A survey's GeoPackage often holds several tables (网格, 建筑, 隐患…): which one is this layer. Empty: the only one.
  const table = el('input', { name: 'table', autocomplete: 'off', 'data-testid': 'import-table' });
  const encoding = el('select', { name: 'encoding', 'data-testid': 'import-encoding' });
  const gcj02 = el('input', { type: 'checkbox', name: 'gcj02', value: 'true', 'data-testid': 'import-gcj02' });
  const repair = el('input', { type: 'checkbox', name: 'repair', value: 'true', 'data-testid': 'import-repair' });
  const check = el('button', { type: 'submit', class: 'import-primary', 'data-testid': 'import-check' });
  const apply = el('button', { type: 'button', class: 'import-primary', hidden: '', 'data-testid': 'import-apply' });
  const message = el('p', { class: 'import-message', role: 'alert', 'data-testid': 'import-message' });
  const result = el('div', { class: 'import-result' });
  let answer: ImportAnswer | null = null;
  let failure: (() => string) | null = null;

  const show = () => {
    message.textContent = failure ? failure() : '';
    result.replaceChildren(...(answer ? [importReportView(answer.report)] : []));
    apply.hidden = !answer || answer.report.written || answer.report.errors > 0;
  };
  onLang(() => {
    document.title = `${t('appTitle')} · ${t('importTitle')}`;
    srs.placeholder = t('importSrsHint');
    table.placeholder = t('importTableHint');
    check.textContent = t('importCheck');
    chooseFile.textContent = t('importChooseFile');
    showFileName();
    apply.textContent = t('importApply');
    const chosenLayer = layer.value || 'grids';
    layer.replaceChildren(...LAYERS.map((l) => el('option', { value: l }, tKey('importLayer_', l))));
    layer.value = chosenLayer;
    const chosenEncoding = encoding.value;
    encoding.replaceChildren(el('option', { value: '' }, t('importEncodingAuto')), el('option', { value: 'gbk' }, 'GBK'),
      el('option', { value: 'gb18030' }, 'GB18030'), el('option', { value: 'utf-8' }, 'UTF-8'));
    encoding.value = chosenEncoding;
    show();
  });

  const fail = (e: unknown) => {
    failure = () => `${t('importFailed')}: ${e instanceof ImportRefusal ? e.text(lang()) : e instanceof Error ? e.message : String(e)}`;
    if (e instanceof ImportRefusal && e.report && answer) answer = { ...answer, report: e.report };
    show();
  };
  const busy = (on: boolean, button: HTMLButtonElement, key: 'importChecking' | 'importApplying') => {
    check.disabled = apply.disabled = on;
    button.textContent = on ? t(key) : t(button === check ? 'importCheck' : 'importApply');
  };

  const form = el('form', { class: 'import-form', novalidate: '' },
    el('div', { class: 'import-field' }, text('span', 'importFile'), el('div', { class: 'import-file-row' }, chooseFile, fileName), file),
    el('label', {}, text('span', 'importLayer'), layer),
    el('label', {}, text('span', 'importSrs'), srs),
    el('label', {}, text('span', 'importTable'), table),
    el('label', {}, text('span', 'importEncoding'), encoding),
    el('label', { class: 'import-check' }, gcj02, text('span', 'importGcj02')),
    el('label', { class: 'import-check' }, repair, text('span', 'importRepair')),
    el('div', { class: 'import-actions' }, check, apply), message);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!file.files?.length) { failure = () => t('importNoFile'); answer = null; show(); return; }
    failure = null; answer = null; show();
    busy(true, check, 'importChecking');
    void importApi.check(new FormData(form)).then((a) => { answer = a; show(); }, fail).finally(() => busy(false, check, 'importChecking'));
  });
  apply.addEventListener('click', () => {
    if (!answer) return;
    failure = null;
    busy(true, apply, 'importApplying');
    void importApi.apply(answer.id).then((a) => { answer = a; show(); }, fail).finally(() => busy(false, apply, 'importApplying'));
  });

  root.append(el('main', { class: 'admin-import' },
    el('header', { class: 'signin-bar' }, el('div', { class: 'logo' }), text('h1', 'importTitle', 'import-title'), langSwitch()),
    el('p', { class: 'import-intro' }, text('span', 'importIntro')), form, result));
}
