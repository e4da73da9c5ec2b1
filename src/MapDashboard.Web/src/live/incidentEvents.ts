// What an incident's live change means for the wall's feed: a new report, or a move to another stage. The live
// feature carries the stage, not the one before it, so the stage last seen of each incident is kept here.

/** One line of the feed: what happened to which incident, where and when (no personal data: none is received). */
export interface IncidentEvent {
  /** 'reported': a new incident; 'stage': it moved on to `stage`. */
  kind: 'reported' | 'stage';
  code: string;
  category: string;
  stage: string;
  /** The grid it lies in (a code; null outside every grid), else the unit responsible for it. */
  place: string | null;
  /** When it happened (ISO): the report's time, or when the stage was entered. */
  at: string;
}

/** Incidents remembered at most: a wall left on for weeks keeps flat memory (the oldest seen are forgotten). */
const REMEMBERED = 2000;

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Reads incident upserts in seq order. An incident not seen before is a new report when it is at the first stage,
 * else a stage change (it was reported before this wall opened); a known one makes news only when its stage moved —
 * an overdue flag, an escalation or a linked duplicate report keep its stage, and the map already shows those.
 */
export function incidentEvents() {
  const stages = new Map<string, string>();
  const read = (properties: Record<string, unknown>): IncidentEvent | null => {
    const code = text(properties.code);
    const stage = text(properties.stage);
    if (!code || !stage) return null;
    const before = stages.get(code);
    stages.delete(code); // re-inserted last: the map forgets the incidents that moved longest ago
    if (stage !== 'closed') stages.set(code, stage);
    if (stages.size > REMEMBERED) stages.delete(stages.keys().next().value!);
    if (before === stage) return null;
    const reported = before === undefined && stage === 'reported';
    return {
      kind: reported ? 'reported' : 'stage',
      code,
      category: text(properties.category) ?? '',
      stage,
      place: text(properties.grid) ?? text(properties.responsibleUnit),
      at: (reported ? text(properties.reportedAt) : text(properties.stageEnteredAt)) ?? new Date().toISOString(),
    };
  };
  /**
   * The stages the events read at start (newest first) leave their incidents in, unless the hub told a newer one:
   * a later upsert that keeps that stage (an overdue flag) is then no news.
   */
  const know = (latest: IncidentEvent[]) => {
    const newest = new Set<string>();
    for (const e of latest) {
      if (newest.has(e.code)) continue; // an older event of an incident already placed
      newest.add(e.code);
      if (!stages.has(e.code) && e.stage !== 'closed') stages.set(e.code, e.stage);
    }
  };
  return Object.assign(read, { know });
}
