-- A hazard has no unit column: the smallest unit its point lies in (its grid), else the district.
select coalesce(unit_covering(h.location),
                (select d.id from territory_unit d where d.kind = 'district' order by d.code limit 1)) as unit_id,
       null::int as person_id
from hazard h where h.code = @key::text
