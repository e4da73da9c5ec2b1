import type { Category, IncidentSummary, TerritoryUnit } from '../api';
import type { Me, Role } from '../auth';
import { deskQueue } from '../ui/deskQueue';
import { deskIncident } from '../ui/deskIncident';
import { refresher } from '../ui/refresher';

/** The roles the dispatch desk is for: those that may dispatch (RoleMatrix DispatchIncident). */
const DESK_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'district', 'street', 'community']);
/** The queue reloads on its own too: an incident turns overdue by time alone. */
const QUEUE_REFRESH_MS = 60_000;

export interface LeadDeskHost {
  categories: Category[];
  units: TerritoryUnit[];
  /** Where the queue goes in the side panel, and the card over the map. */
  side: HTMLElement;
  before: HTMLElement;
  mapWrap: HTMLElement;
  /** Marks an incident's point on the map and zooms there. */
  locate(location: [number, number]): void;
  /** The desk's card takes the right of the map: the grid card or overview closes. */
  closeOthers(): void;
}

/**
 * The dispatch desk in /lead (issue 15): a live queue of the account's jurisdiction in the side panel and the chosen
 * incident's card over the map. Only for accounts that may dispatch; null for the others. `changed()` is called on
 * every live incident change: the queue (and an open card) reload, so new reports and stage changes appear
 * without a reload.
 */
export function leadDesk(account: Me, host: LeadDeskHost) {
  if (!DESK_ROLES.has(account.role)) return null;
  const card = deskIncident(host.categories, host.units, () => { card.hide(); queue.choose(null); }, () => void queueRefresh.now());
  const queue = deskQueue(host.categories, account.unit.code, (i: IncidentSummary) => {
    host.closeOthers();
    host.locate(i.location);
    void card.show(i.code).catch((e) => console.error(e));
  });
  host.side.insertBefore(queue.element, host.before);
  host.mapWrap.append(card.element);
  const queueRefresh = refresher(() => queue.load(), QUEUE_REFRESH_MS);
  return {
    changed() { queueRefresh.soon(); void card.refresh(); },
    /** Another card took the right of the map. */
    hideCard() { card.hide(); queue.choose(null); },
    loaded: queueRefresh.now(),
    codes: queue.codes,
    current: card.current,
  };
}
