-- An incident: its grid (else its community, street or responsible unit; else the district), and its worker.
select coalesce(i.grid_id, i.community_id, i.street_id, i.responsible_unit_id,
                (select d.id from territory_unit d where d.kind = 'district' order by d.code limit 1)) as unit_id,
       i.worker_id as person_id
from incident i where i.code = @key::text
