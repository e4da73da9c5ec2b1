-- Buildings: a use the dashboard knows.
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_category', 'error', jsonb_build_object('field', 'use', 'value', r.fields ->> 'use')
from import_row r
where coalesce(r.fields ->> 'use', 'residential') not in ('residential', 'commercial', 'school', 'public', 'industrial', 'market');
