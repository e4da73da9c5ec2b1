-- Only grids whose colour really changes are written: each write streams live.
update territory_unit t set status = c.status
from unnest(@ids::int[], @statuses::text[]) as c(id, status)
where t.id = c.id and t.status <> c.status;
