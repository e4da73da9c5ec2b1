-- Owners, property managers, co-building units and utilities, from organisations.json.
insert into organisation (code, name, kind, phone)
select o->>'code', o->>'name', o->>'kind', o->>'phone'
from jsonb_array_elements(@doc) o;
