-- What every layer is checked for: required fields, the geometry (present, of the layer's dimension, valid —
-- or repaired when asked, with the area it gained or lost), and codes used twice in the file.
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'missing_field', 'error', jsonb_build_object('field', f)
from import_row r, unnest(@required::text[]) f
where coalesce(r.fields ->> f, '') = '';

insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'missing_geometry', 'error', '{}'
from import_row r where @dimension::int is not null and r.geom is null;

insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, 'wrong_geometry', 'error',
       jsonb_build_object('expected', @dimension::int, 'actual', GeometryType(r.geom))
from import_row r where @dimension::int is not null and r.geom is not null and ST_Dimension(r.geom) <> @dimension::int;

-- Areas on the spheroid (geography): right wherever the district lies.
insert into import_problem (source_row, code, kind, severity, detail)
select r.source_row, r.code, case when @repair then 'repaired_geometry' else 'invalid_geometry' end,
       case when @repair then 'warning' else 'error' end,
       jsonb_build_object('reason', ST_IsValidReason(r.geom))
       || case when @repair then jsonb_build_object(
              'areaBeforeM2', round(ST_Area(r.geom::geography)::numeric, 1),
              'areaAfterM2', round(ST_Area(fixed.geom::geography)::numeric, 1),
              'areaChangeM2', round((ST_Area(fixed.geom::geography) - ST_Area(r.geom::geography))::numeric, 1))
          else '{}' end
from import_row r
cross join lateral (select ST_CollectionExtract(ST_MakeValid(r.geom), 3) as geom) fixed
where r.geom is not null and ST_Dimension(r.geom) = @dimension::int and not ST_IsValid(r.geom);

update import_row r set geom = ST_CollectionExtract(ST_MakeValid(r.geom), 3)
where @repair and r.geom is not null and @dimension::int = 2 and ST_Dimension(r.geom) = 2 and not ST_IsValid(r.geom);

-- A window, not a lookup per row: import_row has no index on code, and a lateral min() per row scanned the whole
-- table for each (4 minutes for the city's 51,086 buildings).
insert into import_problem (source_row, code, kind, severity, detail)
select d.source_row, d.code, 'duplicate_code', 'error', jsonb_build_object('firstRow', d.first_row)
from (select r.source_row, r.code, min(r.source_row) over (partition by r.code) as first_row
      from import_row r where r.code is not null) d
where d.source_row > d.first_row;
