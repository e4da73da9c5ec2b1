-- A lon/lat point in the metric frame's metres (metric_srid()).
select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), metric_srid()) as p) t
