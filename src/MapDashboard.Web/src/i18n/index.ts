import { zhCN, type Strings } from './zh-CN';
import { en } from './en';

export type Lang = 'zh-CN' | 'en';
export type StringKey = keyof Strings;

const STORAGE_KEY = 'mapDashboard.lang';
const tables: Record<Lang, Strings> = { 'zh-CN': zhCN, en };

// ?lang= wins (a link can force a language on a wall display), then the user's
// last choice, then Chinese.
function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl;
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

let current: Lang = initialLang();
const listeners = new Set<() => void>();

export const lang = (): Lang => current;
export const t = (key: StringKey): string => tables[current][key];
/** Keys built from data values (kinds, statuses); falls back to the raw value. */
export const tKey = (prefix: string, value: string): string =>
  (tables[current] as Record<string, string>)[prefix + value] ?? value;

/** A string with `{name}` placeholders filled in, e.g. tFill('liveOffline', { time: '14:05' }). */
export const tFill = (key: StringKey, values: Record<string, string | number>): string =>
  t(key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

/** Re-run `render` now and on every language change; views use it for dynamic text. */
export function onLang(render: () => void): void {
  listeners.add(render);
  render();
}

/** A text node-holding element kept in the current language. */
export function text<K extends keyof HTMLElementTagNameMap>(tag: K, key: StringKey, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  onLang(() => (el.textContent = t(key)));
  return el;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  // Keep an explicit ?lang= in step, otherwise a reload would undo the switch.
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', next);
    history.replaceState(history.state, '', url);
  }
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

document.documentElement.lang = current;
