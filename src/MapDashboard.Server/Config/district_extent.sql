-- The map's starting view: the district's bbox and centre (the first district if several are loaded).
select json_build_object(
    'center', json_build_array(ST_X(c), ST_Y(c)),
    'extent', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)),
    'districtName', name)::text
from (select name, Box2D(boundary) as b, ST_Centroid(boundary) as c
      from territory_unit where kind = 'district' order by code limit 1) d;
