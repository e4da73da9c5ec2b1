-- Grid workers, leaders and adopting units refer to people and organisations,
-- which refer back to the territory: so they are linked after both exist.
update territory_unit t
set grid_worker_id = (select id from person where code = p->>'grid_worker_code'),
    leader_id      = (select id from person where code = p->>'leader_code'),
    adopted_by_id  = (select id from organisation where code = p->>'adopted_by_code')
from jsonb_array_elements(@doc->'features') f,
     lateral (select f->'properties' as p) props
where t.code = p->>'code';
