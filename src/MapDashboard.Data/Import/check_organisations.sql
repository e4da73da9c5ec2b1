-- Organisations: a kind the dashboard knows (物业公司, 共驻共建单位, …), and the units each one adopts (包抓网格: codes
-- or names of this district's units, separated by 、 , ;). An adopted unit must be one of the district's (by code,
-- else by a name only one unit has), and a unit has one adopting organisation, so two rows cannot both adopt it.
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_category', 'error', jsonb_build_object('field', 'kind', 'value', r.fields ->> 'kind')
from import_row r
where r.fields ->> 'kind' is not null
  and not r.fields ->> 'kind' = any(array['property_company', 'co_building_unit', 'utility', 'telecom', 'government',
                                          'railway', 'enterprise', 'school', 'market']);

create temp table import_adoption on commit drop as
select r.source_row, r.code, a.ref,
       coalesce((select t.id from territory_unit t where t.code = a.ref and t.kind <> 'district'),
                (select min(t.id) from territory_unit t where t.name = a.ref and t.kind <> 'district' having count(*) = 1)) as unit_id
from import_row r, lateral regexp_split_to_table(r.fields ->> 'adopts', '\s*[、,，;；]\s*') a(ref)
where r.fields ->> 'adopts' is not null and a.ref <> '';

insert into import_problem (source_row, code, kind, severity, detail)
select a.source_row, a.code, 'unknown_unit', 'error', jsonb_build_object('unit', a.ref)
from import_adoption a where a.unit_id is null;

insert into import_problem (source_row, code, kind, severity, detail)
select a.source_row, a.code, 'adopted_twice', 'error', jsonb_build_object('unit', a.ref, 'firstRow', first.source_row)
from import_adoption a
join lateral (select min(o.source_row) as source_row from import_adoption o where o.unit_id = a.unit_id) first on true
where a.unit_id is not null and a.source_row > first.source_row;
