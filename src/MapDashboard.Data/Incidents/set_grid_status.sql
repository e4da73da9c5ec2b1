-- Only grids whose colour or reasons really change are written: each write streams live.
update territory_unit t set status = c.status, status_reasons = c.reasons::jsonb
from unnest(@ids::int[], @statuses::text[], @reasons::text[]) as c(id, status, reasons)
where t.id = c.id and (t.status <> c.status or t.status_reasons <> c.reasons::jsonb);
