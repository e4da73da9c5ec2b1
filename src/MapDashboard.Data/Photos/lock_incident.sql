-- The incident photos are added to, locked until they commit, and how many photos its action holds already: two
-- uploads to one action at once are counted one after the other, so together they cannot pass the limit.
select i.id, (select count(*) from incident_photo p where p.incident_id = i.id and p.action = @action)::int as existing
from incident i where i.id = @id
for update;
