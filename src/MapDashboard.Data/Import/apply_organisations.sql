-- Organisations by code; one the file does not change is not touched. A row that lists the units it adopts
-- (包抓网格) makes it exactly those units' adopting organisation: units it adopted before and no longer lists are
-- let go. A row without that column leaves its adoptions as they are. Only units whose adopter changes are
-- written (live change and audit as for any territory edit); such a row counts as updated.
with written as (
    insert into organisation (code, name, kind, phone)
    select r.code, r.fields ->> 'name', r.fields ->> 'kind', r.fields ->> 'phone'
    from import_row r where not r.blocked
    on conflict (code) do update
    set name = excluded.name, kind = excluded.kind, phone = excluded.phone
    where (organisation.name, organisation.kind, organisation.phone)
          is distinct from (excluded.name, excluded.kind, excluded.phone)
    returning id, code, xmax = 0 as inserted),
-- The statement sees the table as it was before: an organisation inserted now is known by written alone.
org as (
    select o.id, o.code from organisation o join import_row r on r.code = o.code
    where not r.blocked and r.fields ->> 'adopts' is not null
    union
    select w.id, w.code from written w join import_row r on r.code = w.code where r.fields ->> 'adopts' is not null),
wanted as (
    select a.unit_id, org.id as org_id, org.code from import_adoption a join org on org.code = a.code),
adopted as (
    update territory_unit t set adopted_by_id = w.org_id
    from wanted w where t.id = w.unit_id and t.adopted_by_id is distinct from w.org_id
    returning w.code),
released as (
    update territory_unit t set adopted_by_id = null
    from org where t.adopted_by_id = org.id and not exists (select 1 from wanted w where w.unit_id = t.id)
    returning org.code),
touched as (
    select code from written where not inserted
    union select code from adopted union select code from released)
select (select count(*) from written where inserted)::int,
       (select count(*) from touched where code not in (select code from written where inserted))::int;
