import type { GridReason, GridStatus } from '../api';
import { createMap, fitBBox } from '../map/createMap';
import { animationMap, dotsMap } from '../map/animationMap';
import { STREET_RESOLUTION } from '../map/levelOfDetail';
import { installTestHook } from '../testHook';
import { dark } from '../theme';
import { onLang, t } from '../i18n';
import { el } from '../ui/dom';
import { clock } from '../ui/clock';
import { legend } from '../ui/legend';
import { reasonCounts } from '../ui/gridReasons';
import { gridStats } from '../ui/gridStats';
import { langSwitch } from '../ui/langSwitch';
import { indicatorStrip } from '../ui/indicatorStrip';
import { overdueList } from '../ui/overdueList';
import { FEED_LENGTH, wallFeed } from '../ui/wallFeed';
import { api } from '../api';
import { refresher } from '../ui/refresher';
import { findingAt, findingPopup } from '../ui/findingPopup';
import { overdueRings } from '../layers/overdueRings';
import { ACTION_FINDING_KINDS } from '../layers/findings';
import { startLive } from '../live/liveMap';
import { incidentEvents } from '../live/incidentEvents';
import { staleBanner } from '../ui/staleBanner';
import { focusPanel } from '../ui/focusPanel';
import { fitStage } from '../ui/wallScreen';

/** Indicators and the overdue list also refresh on their own: time alone makes incidents overdue. */
const INDICATOR_REFRESH_MS = 60_000;

// The command-centre wall (指挥中心大屏): the whole district, dark, no controls —
// it runs unattended for days, so it refits itself when the screen size changes.
export async function wallView(root: HTMLElement): Promise<void> {
  document.body.classList.add('theme-dark', 'view-wall');
  const mapEl = el('div', { class: 'map fullscreen', id: 'map' });
  // Everything of the wall is on one stage laid out at the design size and scaled to the screen, or to the video
  // wall this screen is one tile of (ui/wallScreen.ts).
  const stage = el('div', { class: 'wall-stage' }, mapEl);
  root.append(stage);
  const fit = fitStage(stage);

  const ctx = await createMap({
    target: mapEl, palette: dark, interactive: false, findingKinds: ACTION_FINDING_KINDS, buildingsMaxResolution: STREET_RESOLUTION,
    // Live, the district's map is redrawn about once a second at a fractional zoom; scaling its tile images
    // nearest-neighbour more than halves a redraw on a PC without a GPU (map/tileLayer.ts).
    tileResampling: () => 'nearest',
  });
  const stats = gridStats(dark, ctx.units);
  const reasons = reasonCounts(dark, ctx.units);
  const districtCode = ctx.district?.code ?? '';
  const strip = indicatorStrip(districtCode);
  const overdue = overdueList(ctx.categories, ctx.units);
  const numbers = refresher(() => Promise.all([strip.load(), overdue.load()]), INDICATOR_REFRESH_MS);
  const incidents = ctx.map.getAllLayers().find((l) => l.get('name') === 'incidents')!;
  // The worker dots, and above them what animates (overdue rings, pulses), are drawn on maps of their own over the
  // district's: a change of theirs redraws only them.
  const dots = dotsMap(ctx.map);
  const animated = animationMap(ctx.map);
  const rings = overdueRings(ctx.map, incidents, dark, animated);
  const feed = wallFeed(ctx.categories, ctx.units);
  const news = incidentEvents();

  // Live from the snapshot on: changes appear in place, each marked by a passing pulse,
  // and a grid's new status moves the headline counts too; an incident's change reloads
  // the indicators and the overdue list, re-places the overdue rings, and a new report or stage goes in the feed.
  const banner = staleBanner();
  const live = startLive(ctx, {
    pulse: true,
    animationMap: animated,
    dotsMap: dots,
    onHeard: banner.heard,
    onFeature: (layer, props) => {
      if (layer === 'grids') {
        stats.setStatus(String(props.code), String(props.kind), props.status as GridStatus);
        reasons.set(String(props.code), String(props.kind), props.status as GridStatus, props.reasons as GridReason[] | undefined);
      }
      if (layer !== 'incidents') return;
      numbers.soon();
      setTimeout(rings.sync, 0);
      const event = news(props);
      if (event) feed.add(event);
    },
  });
  // A duty officer who opens the wall sees the latest events at once, not an empty feed: read from the server's
  // history; the live feed (started above, so nothing falls between) merges in without duplicates.
  void api.incidentFeed(FEED_LENGTH).then((latest) => { news.know(latest); feed.fill(latest); }).catch((e) => console.error(e));
  const districtName = ctx.district?.name ?? '';
  const title = el('div', { class: 'wall-title' });
  onLang(() => {
    title.replaceChildren(el('span', { class: 'district' }, districtName), el('span', { class: 'sep' }), t('wallTitle'));
    document.title = `${districtName} · ${t('wallTitle')}`;
  });
  const key = legend(dark, ctx.categories, false, reasons.element);
  // Zoomed on a focus item, the map keeps the panels' margins: the item is drawn where nothing covers it.
  let margins = [190, 420, 50, 300];
  const focus = focusPanel(ctx.categories, ctx.units, {
    // Resolves, once the zoom has ended, with the view's width as a share of the width it left (the district's);
    // null if the zoom was cut short.
    zoomTo: (bbox) => new Promise((resolve) => {
      const widthOf = () => { const e = ctx.map.getView().calculateExtent(ctx.map.getSize()); return e[2] - e[0]; };
      const before = widthOf();
      fitBBox(ctx.map, bbox, true, margins, (completed) => resolve(completed ? widthOf() / before : null));
    }),
    home: () => fitBBox(ctx.map, ctx.district?.bbox ?? ctx.config.extent, true, margins),
  }, new URLSearchParams(location.search).get('tour') !== 'off');
  // One column on the right: what needs looking at now, what just came in, what is most overdue.
  const side = el('aside', { class: 'wall-side' }, focus.element, feed.element, overdue.element);
  // No account control on the wall: it runs untouched for days under the display credential, which an admin
  // revokes (POST /api/accounts/{userName}/revoke); a sign-out button there would only be pressed by mistake.
  stage.append(
    banner.element,
    el('header', { class: 'wall-bar' }, el('div', { class: 'logo' }), title, el('div', { class: 'spacer' }),
      stats.element, clock(), live.badge, langSwitch()),
    strip.element,
    side,
    key,
  );

  // Nobody drives the wall, but a click (or a touch on a touch wall) explains a finding.
  const popup = findingPopup(ctx.map, 'dark');
  ctx.map.on('singleclick', (e) => {
    const id = findingAt(ctx.map, e.pixel);
    if (id == null) popup.hide();
    else void popup.show(id, e.coordinate);
  });

  const refit = () => {
    ctx.map.updateSize();
    // Leave room for the title bar and indicator strip above, the feed and overdue list on the right and the legend at
    // the bottom left, as wide as they are drawn: the English legend is wider than the Chinese one, and a fixed
    // margin let it cover the west of the district. Measured on the stage, in its design pixels (the stage may be
    // scaled and, on a video wall, moved).
    const at = stage.getBoundingClientRect();
    const screen = fit.screen();
    const designX = (x: number) => (x - at.left) / screen.scale;
    const list = side.getBoundingClientRect();
    const box = key.getBoundingClientRect();
    const right = list.width ? Math.max(420, screen.width - designX(list.left) + 24) : 420;
    const left = box.width ? Math.max(300, designX(box.right) + 24) : 300;
    margins = [190, right, 50, left];
    fitBBox(ctx.map, ctx.district?.bbox ?? ctx.config.extent, false, margins);
  };
  fit.onChange(refit);
  // A language switch changes the legend's width: refit once the new words are laid out.
  onLang(() => requestAnimationFrame(refit));
  installTestHook('wall', ctx.map, dark, numbers.now(), { live: live.status, focus: focus.state, stale: banner.state });
}
