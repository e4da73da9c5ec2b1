-- One kind of unit, written top-down (the caller walks district → … → police grid, so every parent exists).
-- A unit the file does not change is not touched: no live change, no audit row, no findings work.
with written as (
    insert into territory_unit (code, name, kind, parent_id, boundary)
    select r.code, r.fields ->> 'name', r.kind, (select p.id from territory_unit p where p.code = r.parent_code), ST_Multi(r.geom)
    from import_row r where not r.blocked and r.kind = @kind
    on conflict (code) do update
    set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id, boundary = excluded.boundary
    where (territory_unit.name, territory_unit.kind, territory_unit.parent_id, territory_unit.boundary)
          is distinct from (excluded.name, excluded.kind, excluded.parent_id, excluded.boundary)
    returning xmax = 0 as inserted)
select count(*) filter (where inserted)::int, count(*) filter (where not inserted)::int from written;
