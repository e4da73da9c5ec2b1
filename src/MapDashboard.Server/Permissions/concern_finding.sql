-- A finding where ownership is unclear: its community (else its street or default owner; else the district).
select coalesce(f.community_id, f.street_id, f.default_owner_id,
                (select d.id from territory_unit d where d.kind = 'district' order by d.code limit 1)) as unit_id,
       null::int as person_id
from finding f where f.id = @key::bigint
