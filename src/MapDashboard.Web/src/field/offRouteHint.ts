import type LineString from 'ol/geom/LineString';
import { tFill } from '../i18n';
import { el } from '../ui/dom';
import type { Fix } from './pings';
import { metresFromRoutes, offRouteJudge } from './offRoute';

/** Standing still sends no fix: the hint is judged again this often on the page's clock. */
const CHECK_MS = 5_000;

/**
 * "已偏离路线 80 米" under the map while the worker has been off today's route too long (offRoute.ts says when).
 * `judge(fix)` takes every new position (or a reloaded route with the last one); `show()` words it again on a
 * language switch. `data-metres` carries the present distance, hint or not, for tests.
 */
export function offRouteHint(lines: () => LineString[]) {
  const element = el('p', { class: 'field-off-route', role: 'alert', 'data-testid': 'field-off-route', hidden: '' });
  const judge = offRouteJudge();
  const show = () => {
    const metres = judge.hint();
    element.hidden = metres === null;
    element.textContent = metres === null ? '' : tFill('fieldOffRoute', { m: Math.round(metres) });
  };
  window.setInterval(show, CHECK_MS);
  return {
    element,
    show,
    judge(fix: Fix | null): void {
      const metres = fix ? metresFromRoutes([fix.lon, fix.lat], lines()) : null;
      element.dataset.metres = metres === null ? '' : String(Math.round(metres));
      judge.observe(metres);
      show();
    },
  };
}
