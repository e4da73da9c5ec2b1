import { onLang, t, type StringKey } from '../i18n';
import { el } from './dom';
import { langSwitch } from './langSwitch';
import { accountControl } from './accountControl';

const VIEWS: [path: string, key: StringKey][] = [['/wall', 'navWall'], ['/lead', 'navLead'], ['/plan', 'navPlan']];

// The desk views' header: district name, view title, links between views, language switch.
export function topbar(districtName: string, titleKey: StringKey): HTMLElement {
  const title = el('h1', { class: 'topbar-title' });
  const nav = el('nav', { class: 'topbar-nav' });
  onLang(() => {
    title.replaceChildren(el('span', { class: 'district' }, districtName), ' ', t(titleKey));
    document.title = `${districtName} · ${t(titleKey)}`;
    nav.replaceChildren(...VIEWS.map(([path, key]) =>
      el('a', { href: path + location.search.replace(/[?&]grid=[^&]*/, ''), class: location.pathname === path ? 'active' : '' }, t(key))));
  });
  return el('header', { class: 'topbar' }, el('div', { class: 'logo' }), title, nav, accountControl(), langSwitch());
}
