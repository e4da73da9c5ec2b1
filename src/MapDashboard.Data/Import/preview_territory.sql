-- Gaps and overlaps as the findings engine sees the territory once this file is in (the same detect_* functions
-- the findings layer uses, on this transaction's rows: a dry run is rolled back afterwards).
with touched as (
    select t.id, t.parent_id from territory_unit t join import_row r on r.code = t.code where not r.blocked),
found as (
    select * from detect_gaps((select array_agg(distinct parent_id) from touched where parent_id is not null))
    union all
    select * from detect_overlaps((select array_agg(id) from touched)))
insert into import_problem (source_row, code, kind, severity, detail)
select (select min(r.source_row) from import_row r where r.code = any(f.unit_codes)), array_to_string(f.unit_codes, ','),
       f.kind, 'warning',
       jsonb_build_object('units', f.unit_codes, 'areaM2', round(f.area_m2::numeric, 1), 'parent', f.detail ->> 'parent')
from found f
where (select array_agg(id) from touched) is not null;
