-- Hazards: a category of the district (by code or Chinese name), a known severity and status.
update import_row r set kind = (select c.code from category c
                                where c.code = r.fields ->> 'category' or c.name_zh = r.fields ->> 'category' limit 1);

insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_category', 'error', jsonb_build_object('field', 'category', 'value', r.fields ->> 'category')
from import_row r where r.kind is null and r.fields ->> 'category' is not null;

insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'unknown_category', 'error', jsonb_build_object('field', f.field, 'value', f.value)
from import_row r,
     lateral (values ('severity', r.fields ->> 'severity', array['low', 'medium', 'high', 'critical']),
                     ('status', coalesce(r.fields ->> 'status', 'open'), array['open', 'mitigating', 'resolved'])) f(field, value, known)
where f.value is not null and not f.value = any(f.known);
