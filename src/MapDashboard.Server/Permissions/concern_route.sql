-- A saved patrol route: its grid, else the smallest unit its whole line lies in, else the district.
select coalesce(r.grid_id, unit_covering(r.path),
                (select d.id from territory_unit d where d.kind = 'district' order by d.code limit 1)) as unit_id,
       null::int as person_id
from patrol_route r where r.id = @key::bigint
