-- Counts and years must be whole numbers before they are cast (a cast error would end the whole import
-- without saying which row).
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'not_a_number', 'error', jsonb_build_object('field', f, 'value', r.fields ->> f)
from import_row r, unnest(@numbers::text[]) f
where r.fields ->> f is not null and r.fields ->> f !~ '^[0-9]{1,9}$';
