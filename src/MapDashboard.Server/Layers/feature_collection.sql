-- One page of a layer's features as a GeoJSON FeatureCollection written by PostGIS (the fast path, as
-- pg_featureserv): the marker below is replaced by the layer's features.sql (id, geom in EPSG:4326, at, properties).
-- matched is inlined (not materialized), so counting it and choosing the page's ids never build the properties;
-- they are built only for the ids of the page (a deep offset skipped 50,000 buildings' properties in 3 s otherwise). Filters: a box (@xmin…@ymax in @bbox_srid), the land of a unit
-- (@unit: its boundary), a time interval on at (@from, @to; open ends null), one feature (@id).
-- Coordinates in @srid, latitude first when @lat_first (EPSG:4326 and EPSG:4490 as their axis order says).
with area as materialized (
    select case when @bbox_srid::int is not null
                then ST_Transform(ST_MakeEnvelope(@xmin::float8, @ymin::float8, @xmax::float8, @ymax::float8, @bbox_srid::int), 4326)
                when @unit::text is not null
                then (select u.boundary from territory_unit u where u.code = @unit::text)
           end as shape
), matched as not materialized (
    select f.id, f.geom, f.properties
    from (
/*features*/
    ) f, area
    where (area.shape is null or (f.geom && area.shape and ST_Intersects(f.geom, area.shape)))
      and (@from::timestamptz is null or f.at >= @from::timestamptz)
      and (@to::timestamptz is null or f.at <= @to::timestamptz)
      and (@id::bigint is null or f.id = @id::bigint)
), counted as materialized (
    select count(*) as n from matched
), page_ids as materialized (
    select m.id from matched m order by m.id limit @limit::int offset @offset::int
), page as materialized (
    select m.id, m.geom, m.properties from matched m where m.id in (select id from page_ids)
)
select json_build_object(
    'type', 'FeatureCollection',
    'numberMatched', (select n from counted),
    'numberReturned', (select count(*) from page),
    'timeStamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'links', @links::jsonb || case when @offset::int + (select count(*) from page) < (select n from counted)
                                        and @next::text is not null
                                   then jsonb_build_array(jsonb_build_object('rel', 'next', 'type', 'application/geo+json',
                                                                             'title', 'next page', 'href', @next::text))
                                   else '[]'::jsonb end,
    'features', coalesce((select json_agg(json_build_object(
                    'type', 'Feature', 'id', p.id,
                    'geometry', ST_AsGeoJSON(case when @lat_first::bool then ST_FlipCoordinates(ST_Transform(p.geom, @srid::int))
                                                  else ST_Transform(p.geom, @srid::int) end, @digits::int, 0)::json,
                    'properties', p.properties) order by p.id)
                 from page p), '[]'::json))::text
