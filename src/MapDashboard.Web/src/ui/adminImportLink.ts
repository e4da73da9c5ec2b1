import { text } from '../i18n';

/** The link to /admin/import in a desk's top bar (data-testid="admin-import-link"): for admin accounts only, who alone may import. */
export function adminImportLink(): HTMLAnchorElement {
  const link = text('a', 'navAdminImport', 'topbar-admin');
  link.href = '/admin/import';
  link.dataset.testid = 'admin-import-link';
  return link;
}
