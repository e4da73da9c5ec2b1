-- Every grid worker's position (their newest trusted ping); its time is that ping's. The name is personal data:
-- the permission rule masks or removes it by the worker's unit.
select p.id, wp.location as geom, wp.recorded_at as at,
       jsonb_build_object('code', p.code, 'name', p.name, 'unit', u.code,
           'recordedAt', wp.recorded_at, 'accuracy', wp.accuracy_m) as properties
from worker_position wp
join person p on p.id = wp.worker_id
left join territory_unit u on u.id = p.unit_id
