-- The file's records, mapped to the dashboard's fields and brought to EPSG:4326, staged for this transaction
-- only: every check and the write itself are set-based SQL over them, and nothing stays behind.
create temp table import_row (
    source_row  int primary key,
    code        text,
    fields      jsonb not null,
    geom        geometry(Geometry, 4326),
    kind        text,
    parent_code text,
    parent_geom geometry(Geometry, 4326),
    blocked     boolean not null default false
) on commit drop;

create temp table import_problem (
    source_row int,
    code       text,
    kind       text not null,
    severity   text not null check (severity in ('error', 'warning')),
    detail     jsonb not null default '{}'
) on commit drop;

insert into import_row (source_row, code, fields, geom)
select (r ->> 'row')::int, nullif(r -> 'fields' ->> 'code', ''), r -> 'fields',
       case when r ->> 'wkb' is not null then ST_SetSRID(ST_GeomFromWKB(decode(r ->> 'wkb', 'hex')), 4326) end
from jsonb_array_elements(@rows) r;
