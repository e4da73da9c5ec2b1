import type { GridStatus } from '../api';
import { createMap, fitBBox } from '../map/createMap';
import { installHook } from '../hook';
import { dark } from '../theme';
import { onLang, t } from '../i18n';
import { el } from '../ui/dom';
import { clock } from '../ui/clock';
import { legend } from '../ui/legend';
import { gridStats } from '../ui/gridStats';
import { langSwitch } from '../ui/langSwitch';
import { startLive } from '../live/liveMap';

// The command-centre wall (指挥中心大屏): the whole district, dark, no controls —
// it runs unattended for days, so it refits itself when the screen size changes.
export async function wallView(root: HTMLElement): Promise<void> {
  document.body.classList.add('theme-dark', 'view-wall');
  const mapEl = el('div', { class: 'map fullscreen', id: 'map' });
  root.append(mapEl);

  const ctx = await createMap({ target: mapEl, palette: dark, interactive: false });
  const stats = gridStats(dark, ctx.units);
  // Live from the snapshot on: changes appear in place, each marked by a passing pulse,
  // and a grid's new status moves the headline counts too.
  const live = startLive(ctx, {
    pulse: true,
    onFeature: (layer, props) => {
      if (layer === 'grids') stats.setStatus(String(props.code), String(props.kind), props.status as GridStatus);
    },
  });
  const districtName = ctx.district?.name ?? '';
  const title = el('div', { class: 'wall-title' });
  onLang(() => {
    title.replaceChildren(el('span', { class: 'district' }, districtName), el('span', { class: 'sep' }), t('wallTitle'));
    document.title = `${districtName} · ${t('wallTitle')}`;
  });
  root.append(
    el('header', { class: 'wall-bar' }, el('div', { class: 'logo' }), title, el('div', { class: 'spacer' }),
      stats.element, clock(), live.badge, langSwitch()),
    legend(dark, ctx.categories),
  );

  const refit = () => {
    ctx.map.updateSize();
    // Leave room for the title bar above and the legend at the bottom left.
    fitBBox(ctx.map, ctx.district?.bbox ?? ctx.config.extent, false, [120, 80, 50, 300]);
  };
  refit();
  window.addEventListener('resize', refit);
  installHook('wall', ctx.map, dark, Promise.resolve(), { live: live.status });
}
