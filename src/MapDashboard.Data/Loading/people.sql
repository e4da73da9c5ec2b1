-- Grid workers, volunteers and leaders, from people.json; loaded after the territory they belong to.
insert into person (code, name, role, phone, organisation_id, unit_id)
select p->>'code', p->>'name', p->>'role', p->>'phone',
       (select o.id from organisation o where o.code = p->>'organisation_code'),
       (select t.id from territory_unit t where t.code = p->>'unit_code')
from jsonb_array_elements(@doc) p;
