-- The district's extent in CRS84 (every collection's spatial extent: the layers all lie in the district).
select array[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]::float8[]
from (select ST_Extent(boundary)::geometry as e from territory_unit where kind = 'district') x
where e is not null
