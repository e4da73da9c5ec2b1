-- The field page's list: incidents sent to this person and not yet resolved (dispatched: to accept or decline;
-- accepted: to resolve), the soonest due first. The person's own tasks: nothing here is another's personal data.
select coalesce(json_agg(json_build_object(
    'code', i.code,
    'category', json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en),
    'description', i.description, 'stage', i.stage,
    'location', json_build_array(round(ST_X(i.location)::numeric, 7), round(ST_Y(i.location)::numeric, 7)),
    'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'overdue', incident_overdue(i),
    'grid', (select json_build_object('code', g.code, 'name', g.name) from territory_unit g where g.id = i.grid_id)
) order by i.stage_due_at nulls last, i.reported_at), '[]')::text
from incident i
join person p on p.id = i.worker_id
join category c on c.code = i.category_code
where p.code = @person and i.stage in ('dispatched', 'accepted')
