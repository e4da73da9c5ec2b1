-- Incidents whose timed stage outlived its limit and that escalation has not
-- yet dealt with: below the street they go up a level; at the street they are
-- only marked overdue once. skip locked: several server nodes may sweep at once.
select i.id, i.code, i.stage, i.escalation_level as level, i.category_code as category
from incident i
where i.stage in ('reported', 'dispatched', 'accepted')
  and i.stage_due_at < @now
  and (i.escalation_level < 2 or i.overdue_at is null)
order by i.stage_due_at
limit 500
for update skip locked;
