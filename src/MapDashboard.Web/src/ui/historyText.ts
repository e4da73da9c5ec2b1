import type { FindingHistoryEntry, IncidentHistoryEntry, TerritoryUnit } from '../api';
import { t, tFill, tKey, type StringKey } from '../i18n';
import { duration, unitName } from './format';

/**
 * History lines worded in the reader's language from the server's codes: what the system did is an event
 * code with parameters (GET /api/incidents/{code} and /api/findings/{id}, `history[].event/params`); system
 * actors are codes (system:…, demo:…); only notes and actors that people typed are shown as they are.
 */

/** A system actor's name in the reader's language; a name a person typed stays as typed. */
export const actorName = (actor: string): string => tKey('actor_', actor);

const str = (v: unknown): string => (v == null ? '' : String(v));

/**
 * Whom a dispatch or reassignment sent an incident to, names first: a person's (masked) name with their role, a
 * co-building unit's name; where the account may not see the person, their role and code.
 */
export function assigneeText(h: Pick<IncidentHistoryEntry, 'assignedPerson' | 'assignedOrganisation' | 'params'>): string {
  if (h.assignedOrganisation) return `${tKey('personRole_', 'co_building_unit')} ${h.assignedOrganisation.name}`;
  const p = h.assignedPerson;
  if (p) return `${tKey('personRole_', p.role)} ${p.name ?? p.code}`;
  return str(h.params?.assignee);
}

/** The sentence for an event code; null when there is none (a person's step: their note says why). */
export function eventText(event: string | null, params: Record<string, unknown>, units: TerritoryUnit[] = [], who = ''): string | null {
  if (!event) return null;
  const p = params ?? {};
  const level = (v: unknown) => tKey('escalation_', str(v));
  switch (event) {
    case 'reported':
    case 'reported_again':
      return tFill(`ev_${event}` as StringKey, { source: tKey('source_', str(p.source)) });
    case 'opened_from_finding':
      return tFill('ev_opened_from_finding', { finding: str(p.finding), kind: tKey('findingKind_', str(p.kind)) });
    case 'dispatched_to_default_owner': {
      const unit = p.unit as { code?: string; name?: string } | null | undefined;
      const name = unit?.code ? (unit.name || unitName(units, unit.code)) : t('theStreet');
      return tFill('ev_dispatched_to_default_owner', { unit: name });
    }
    case 'rated':
      return tFill(p.reopened ? 'ev_rated_reopened' : 'ev_rated', { rating: str(p.rating) });
    case 'escalated':
    case 'overdue_at_top':
      return tFill(`ev_${event}` as StringKey, {
        stage: tKey('stageName_', str(p.stage)),
        limit: typeof p.limitMinutes === 'number' ? duration(p.limitMinutes * 60_000) : '—',
        from: level(p.from), to: level(p.to),
      });
    case 'dispatched_to':
    case 'reassigned':
      return tFill(`ev_${event}` as StringKey, { who: who || str(p.assignee) });
    case 'escalated_by_hand':
      return tFill('ev_escalated_by_hand', { stage: tKey('stageName_', str(p.stage)), from: level(p.from), to: level(p.to) });
    case 'linked_as_duplicate':
      return tFill('ev_linked_as_duplicate', { of: str(p.of) });
    case 'duplicate_linked':
      return tFill('ev_duplicate_linked', { incident: str(p.incident) });
    case 'case_opened':
      return tFill('ev_case_opened', { incident: str(p.incident) });
    case 'case_closed':
      return tFill(p.stillDetected ? 'ev_case_closed_still' : 'ev_case_closed', { incident: str(p.incident) });
    default: {
      // An event this client does not know yet: its own key if there is one, else the code itself.
      const key = `ev_${event}`;
      const worded = tKey('', key);
      return worded === key ? event : worded;
    }
  }
}

const joined = (...parts: (string | null | undefined)[]) => parts.filter((x) => x && x.trim()).join(' · ');

/** "流转 已派单 · 社区派单员 · 派至天庆嘉园社区（属地兜底） · 请网格员处理" */
export const incidentHistoryLine = (h: IncidentHistoryEntry, units: TerritoryUnit[] = []): string =>
  joined(`${tKey('hist_', h.event === 'escalated_by_hand' ? 'escalation_by_hand' : h.kind)}${h.to ? ` ${tKey('stage_', h.to)}` : ''}`, actorName(h.actor), eventText(h.event, h.params, units, assigneeText(h)), h.note);

/** "新发现 → 已交办 · 领导 · 立案 I000012" */
export const findingHistoryLine = (h: FindingHistoryEntry): string =>
  joined(h.from && h.from !== h.to ? `${tKey('findingStatus_', h.from)} → ${tKey('findingStatus_', h.to)}` : tKey('findingStatus_', h.to),
    actorName(h.actor), eventText(h.event, h.params), h.note);
