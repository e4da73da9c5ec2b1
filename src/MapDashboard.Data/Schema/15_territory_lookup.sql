-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- The territory unit at many places at once.

-- For each geometry of the array (by its position), the smallest unit of the given kinds that it intersects — by
-- area, then by code — or no row where none does. For a statement of many rows (an import's 51,000 buildings):
-- looked up one geometry at a time through the index, every geometry read the large units (district, street)
-- whole — detoasted and tested, and measured for the order — for each. Here each unit is measured once, and units
-- and geometries meet through cells of 0.01° (a geometry and a unit whose boxes overlap share at least one cell:
-- the cells of each cover its box) by hash or merge, not by an index probe per geometry.
create function territory_units_at(p_geoms geometry[], p_kinds text[]) returns table (ord bigint, id int, code text)
language sql stable as $$
    with item as materialized (
        select g.ord, g.geom, cx, cy
        from unnest(p_geoms) with ordinality g(geom, ord),
             generate_series(floor(ST_XMin(g.geom) / 0.01)::int, floor(ST_XMax(g.geom) / 0.01)::int) cx,
             generate_series(floor(ST_YMin(g.geom) / 0.01)::int, floor(ST_YMax(g.geom) / 0.01)::int) cy
        where g.geom is not null),
    unit as materialized (
        select u.id, u.code, u.boundary, ST_Area(u.boundary) as area, cx, cy
        from territory_unit u,
             generate_series(floor(ST_XMin(u.boundary) / 0.01)::int, floor(ST_XMax(u.boundary) / 0.01)::int) cx,
             generate_series(floor(ST_YMin(u.boundary) / 0.01)::int, floor(ST_YMax(u.boundary) / 0.01)::int) cy
        where u.kind = any(p_kinds))
    select distinct on (i.ord) i.ord, u.id, u.code
    from item i join unit u using (cx, cy)
    where u.boundary && i.geom and ST_Intersects(u.boundary, i.geom)
    order by i.ord, u.area, u.code
$$;
