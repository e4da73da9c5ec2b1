-- The incidents a desk action acts on (itself, and for a link the one it duplicates), locked in code order so two
-- desks linking the same pair the other way round wait for each other instead of deadlocking. What the rules need:
-- stage, level, who has it, whether it is already a duplicate.
select i.id, i.code, i.stage, i.category_code as category, i.escalation_level as level,
       ST_X(i.location) as lon, ST_Y(i.location) as lat, i.worker_id as workerId, i.organisation_id as organisationId,
       i.report_count as reports, (select d.code from incident d where d.id = i.duplicate_of_id) as duplicateOf
from incident i where i.code = any(@codes)
order by i.code
for update of i;
