-- A grid's 网格员 and 联系电话: the grid's worker is its current one of that name, else the person with that phone
-- number (digits only: whoever a people file imported), else one of that name bound to the grid — the merge rule of
-- match_people.sql, so a people file and a grid file never make the same person twice. A worker matched by name gets
-- the phone; a new one becomes a new grid worker, coded after the grid. The grid then points at the worker.
create temp table import_worker on commit drop as
select t.id as grid_id, r.code as grid_code, r.fields ->> 'worker_name' as name, r.fields ->> 'worker_phone' as phone,
       coalesce((select p.id from person p where p.id = t.grid_worker_id and p.name = r.fields ->> 'worker_name'),
                (select p.id from person p
                 where regexp_replace(p.phone, '\D', '', 'g') = nullif(regexp_replace(r.fields ->> 'worker_phone', '\D', '', 'g'), '')
                 order by p.id limit 1),
                (select p.id from person p where p.unit_id = t.id and p.name = r.fields ->> 'worker_name' order by p.id limit 1))
           as person_id
from import_row r join territory_unit t on t.code = r.code
where not r.blocked and r.fields ->> 'worker_name' is not null;

update person p set phone = w.phone
from import_worker w where p.id = w.person_id and w.phone is not null and p.phone is distinct from w.phone;

with added as (
    insert into person (code, name, role, phone, unit_id)
    select 'GW' || w.grid_code, w.name, 'grid_worker', w.phone, w.grid_id from import_worker w where w.person_id is null
    on conflict (code) do update set name = excluded.name, phone = excluded.phone, unit_id = excluded.unit_id
    returning id, unit_id)
update import_worker w set person_id = a.id from added a where a.unit_id = w.grid_id and w.person_id is null;

update territory_unit t set grid_worker_id = w.person_id
from import_worker w where t.id = w.grid_id and t.grid_worker_id is distinct from w.person_id;
