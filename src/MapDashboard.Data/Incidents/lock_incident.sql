-- The incident a workflow step acts on, locked until the step commits so two
-- dispatchers clicking at once cannot both move it; with how often ratings have
-- reopened it (the workflow's reopen limit).
select id, stage, category_code as category, ST_X(location) as lon, ST_Y(location) as lat,
       (select count(*)::int from incident_transition h
        where h.incident_id = incident.id and h.event = 'rated' and (h.params ->> 'reopened')::boolean) as reopens
from incident where code = @code
for update;
