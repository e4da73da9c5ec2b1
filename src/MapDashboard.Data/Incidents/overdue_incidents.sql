-- Incidents whose timed stage outlived its limit and that escalation has not
-- yet dealt with: below the street they go up a level; at the street they are
-- only marked overdue once. skip locked: several server nodes may sweep at once.
-- An incident whose escalation failed by itself was set aside (background_dead_letter) and waits for an admin
-- instead of failing again every pass.
select i.id, i.code, i.stage, i.escalation_level as level, i.category_code as category
from incident i
where i.stage in ('reported', 'dispatched', 'accepted')
  and i.stage_due_at < @now
  and (i.escalation_level < 2 or i.overdue_at is null)
  and not exists (select 1 from background_dead_letter d
                  where d.chore = 'escalation' and d.unit_key = i.code and d.resolved_at is null)
order by i.stage_due_at
limit 500
for update skip locked;
