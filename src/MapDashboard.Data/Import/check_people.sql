-- People: a known role (grid worker, volunteer, …) and the unit they belong to (所属网格: a grid or unit, by its code).
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_category', 'error', jsonb_build_object('field', 'role', 'value', r.fields ->> 'role')
from import_row r
where r.fields ->> 'role' is not null
  and not r.fields ->> 'role' = any(array['grid_worker', 'volunteer', 'leader', 'dispatcher', 'police']);

insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_parent', 'error', jsonb_build_object('parent', r.fields ->> 'unit')
from import_row r
where r.fields ->> 'unit' is not null and not exists (select 1 from territory_unit t where t.code = r.fields ->> 'unit');
