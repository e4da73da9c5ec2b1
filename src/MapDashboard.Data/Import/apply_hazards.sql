-- Hazard points by code (a one-point multipoint, as some tools write points, is taken as its point).
with written as (
    insert into hazard (code, category_code, severity, status, description, location)
    select r.code, r.kind, r.fields ->> 'severity', coalesce(r.fields ->> 'status', 'open'), coalesce(r.fields ->> 'description', ''),
           ST_GeometryN(r.geom, 1)
    from import_row r where not r.blocked
    on conflict (code) do update
    set category_code = excluded.category_code, severity = excluded.severity, status = excluded.status,
        description = excluded.description, location = excluded.location
    where (hazard.category_code, hazard.severity, hazard.status, hazard.description, hazard.location)
          is distinct from (excluded.category_code, excluded.severity, excluded.status, excluded.description, excluded.location)
    returning xmax = 0 as inserted)
select count(*) filter (where inserted)::int, count(*) filter (where not inserted)::int from written;
