-- The merge rule for people (the same as for a grid's 网格员 column, apply_grid_workers.sql): a row whose code no
-- person has yet is the person it matches — the same phone number (digits only), else the same name in the same
-- unit — unless that person's own code is in the file too. That person takes the file's code (a survey's person code
-- beats the GW code a grid's 网格员 column made up), so importing a grid file and a people file that name the same
-- worker, in either order, never makes two persons. Each person is claimed by one row at most (the first).
create temp table import_merged on commit drop as
with candidate as (
    select r.source_row, r.code,
           (select p.id from person p
            where not exists (select 1 from import_row o where o.code = p.code)
              and (regexp_replace(p.phone, '\D', '', 'g') = r.phone or (p.name = r.fields ->> 'name' and p.unit_id = t.id))
            order by regexp_replace(p.phone, '\D', '', 'g') = r.phone desc nulls last, p.id limit 1) as person_id
    from (select *, nullif(regexp_replace(fields ->> 'phone', '\D', '', 'g'), '') as phone from import_row) r
    left join territory_unit t on t.code = r.fields ->> 'unit'
    where not r.blocked and not exists (select 1 from person p where p.code = r.code))
select distinct on (person_id) source_row, code, person_id from candidate where person_id is not null order by person_id, source_row;

update person p set code = m.code from import_merged m where p.id = m.person_id;
