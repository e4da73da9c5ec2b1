-- Saves the boundary; the territory triggers recompute the findings it can affect (migration 0011).
update territory_unit set boundary = ST_Multi(ST_GeomFromGeoJSON(@geojson)) where code = @code
