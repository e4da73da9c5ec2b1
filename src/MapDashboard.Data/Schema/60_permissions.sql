-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Permissions: an account's jurisdiction is the territory unit it is bound to and everything under it. The
-- server's permission rule (src/MapDashboard.Server/Permissions/, the role table in
-- src/MapDashboard.Domain/Permissions/RoleMatrix.cs) asks these functions, and so do the tiles: one definition
-- of "inside", whoever asks.

-- THE jurisdiction of a unit: the unit itself and every unit below it along territory_unit.parent_id (a
-- community's grids, their micro-grids; a street's communities, …). Walked down from the root over the parent
-- index; UNION (not UNION ALL) ends the walk even if an edit made by hand ever linked a cycle.
create function jurisdiction_units(p_root_code text) returns table (id int, code text)
language sql stable as $$
    with recursive down as (
        select t.id, t.code from territory_unit t where t.code = p_root_code
        union
        select c.id, c.code from territory_unit c join down d on c.parent_id = d.id
    )
    select id, code from down
$$;

-- Whether a unit lies in the jurisdiction hanging from p_root_code; false for an unknown unit or root.
create function unit_in_jurisdiction(p_unit_id int, p_root_code text) returns boolean
language sql stable as $$
    select exists (select 1 from jurisdiction_units(p_root_code) j where j.id = p_unit_id)
$$;

-- The land of a jurisdiction, for spatial checks (a redrawn boundary must stay on it): the root unit's boundary.
create function jurisdiction_area(p_root_code text) returns geometry
language sql stable as $$
    select boundary from territory_unit where code = p_root_code
$$;

-- The smallest territory unit (police grids aside: they are a second partition, not a jurisdiction) whose
-- boundary covers a geometry: what a write concerns when it names no unit (a hazard by its point, a route
-- drawn without a grid by its whole line). Null outside the district.
create function unit_covering(p_geom geometry) returns int
language sql stable as $$
    select t.id from territory_unit t
    where t.kind <> 'police_grid' and t.boundary && p_geom and ST_Covers(t.boundary, p_geom)
    order by case t.kind when 'micro_grid' then 0 when 'community_grid' then 1 when 'dedicated_grid' then 1
                         when 'community' then 2 when 'street' then 3 else 4 end, t.code
    limit 1
$$;
