-- Buildings by code; one the file does not change is not touched.
with written as (
    insert into building (code, name, compound, use, footprint, floors, households, residents, year_built)
    select r.code, r.fields ->> 'name', r.fields ->> 'compound', coalesce(r.fields ->> 'use', 'residential'), ST_Multi(r.geom),
           (r.fields ->> 'floors')::int, coalesce((r.fields ->> 'households')::int, 0), coalesce((r.fields ->> 'residents')::int, 0),
           (r.fields ->> 'year_built')::int
    from import_row r where not r.blocked
    on conflict (code) do update
    set name = excluded.name, compound = excluded.compound, use = excluded.use, footprint = excluded.footprint,
        floors = excluded.floors, households = excluded.households, residents = excluded.residents, year_built = excluded.year_built
    where (building.name, building.compound, building.use, building.footprint, building.floors, building.households,
           building.residents, building.year_built)
          is distinct from (excluded.name, excluded.compound, excluded.use, excluded.footprint, excluded.floors,
                            excluded.households, excluded.residents, excluded.year_built)
    returning xmax = 0 as inserted)
select count(*) filter (where inserted)::int, count(*) filter (where not inserted)::int from written;
