-- People by code (a row that is a person already known under another code took that person's code first,
-- match_people.sql): name, role, phone and the unit they belong to; only what differs is written. A merged row
-- counts as updated (its person changed code).
with written as (
    insert into person (code, name, role, phone, unit_id)
    select r.code, r.fields ->> 'name', r.fields ->> 'role', r.fields ->> 'phone', t.id
    from import_row r join territory_unit t on t.code = r.fields ->> 'unit'
    where not r.blocked
    on conflict (code) do update
    set name = excluded.name, role = excluded.role, phone = excluded.phone, unit_id = excluded.unit_id
    where (person.name, person.role, person.phone, person.unit_id)
          is distinct from (excluded.name, excluded.role, excluded.phone, excluded.unit_id)
    returning code, xmax = 0 as inserted)
select count(*) filter (where inserted)::int,
       (count(*) filter (where not inserted) + (select count(*) from import_merged m where m.code not in (select code from written)))::int
from written;
