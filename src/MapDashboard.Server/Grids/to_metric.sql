-- A lon/lat point in UTM 48N metres.
select ST_X(p) as x, ST_Y(p) as y from (select ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), 32648) as p) t
