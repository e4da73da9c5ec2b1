-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: detection, in PostGIS (3.3 has no ST_Coverage*, so built from ST_Union / ST_Difference /
-- ST_Intersection). Every detect_* function takes the ids it should look at (null = all), so one code path
-- serves the full recomputation and the incremental one, and returns finding_candidate rows (a type, so a
-- migration's: the 0020 baseline).

-- Gaps: land inside a parent that none of its children of one level covers
-- (a community's grids, a grid's micro-grids, the district's police grids).
-- A parent with no children of a level has no gap at that level.
create function detect_gaps(p_parents int[]) returns setof finding_candidate
language sql stable as $$
    with family as (
        select p.id as parent_id, p.code as parent_code, p.boundary as parent_boundary,
               territory_level(c.kind) as level, ST_Union(c.boundary) as covered
        from territory_unit p
        join territory_unit c on c.parent_id = p.id
        where p_parents is null or p.id = any(p_parents)
        group by p.id, territory_level(c.kind)),
    piece as (
        select f.*, d.geom
        from family f, ST_Dump(ST_Difference(f.parent_boundary, f.covered)) d
        where ST_Dimension(d.geom) = 2),
    real_piece as (select * from piece where not finding_is_noise(geom)),
    edge as (
        -- The children along the gap, with the length of edge each shares with it.
        select r.parent_id, r.geom, c.code,
               ST_Length(finding_metric(ST_Intersection(ST_Boundary(r.geom), c.boundary))) as shared_m
        from real_piece r
        join territory_unit c on c.parent_id = r.parent_id and territory_level(c.kind) = r.level
                             and c.boundary && r.geom and ST_Intersects(c.boundary, r.geom))
    select finding_key('gap', array[r.parent_code] || n.codes, finding_anchor(r.geom)),
           'gap', r.geom, ST_Area(m), ST_Perimeter(m) / 2,
           array[r.parent_code] || n.codes, '{}'::text[], null, null,
           array['parent:' || r.parent_id],
           coalesce(finding_default_owner(r.geom, null), r.parent_id),
           case when n.longest is not null then
               jsonb_build_object('action', 'merge_into', 'unit', n.longest, 'sharedEdgeM', round(n.longest_m::numeric, 1)) end,
           jsonb_build_object('parent', r.parent_code, 'level', r.level,
                              'widthM', round((2 * ST_Area(m) / nullif(ST_Perimeter(m), 0))::numeric, 1))
    from real_piece r
    cross join lateral finding_metric(r.geom) m
    cross join lateral (
        select coalesce(array_agg(e.code order by e.code) filter (where e.shared_m > 0), '{}') as codes,
               (array_agg(e.code order by e.shared_m desc, e.code))[1] as longest,
               max(e.shared_m) as longest_m
        from edge e where e.parent_id = r.parent_id and e.geom = r.geom and e.shared_m > 0) n
$$;

-- Overlaps: land claimed by two siblings of one level (same parent). Units of
-- different parents can only overlap where their parents do, and that is
-- reported once, at the parents' level (a planted grid overlap is not repeated
-- for the micro-grids inside it).
create function detect_overlaps(p_units int[]) returns setof finding_candidate
language sql stable as $$
    with pair as (
        select a.id as a_id, a.code as a_code, b.id as b_id, b.code as b_code, a.parent_id,
               ST_Intersection(a.boundary, b.boundary) as shared
        from territory_unit a
        join territory_unit b on b.parent_id = a.parent_id and a.id < b.id
                             and territory_level(a.kind) = territory_level(b.kind)
                             and a.boundary && b.boundary
        where (p_units is null or a.id = any(p_units) or b.id = any(p_units))
          and ST_Relate(a.boundary, b.boundary, '2********')),
    piece as (
        select p.*, d.geom from pair p, ST_Dump(p.shared) d where ST_Dimension(d.geom) = 2)
    select finding_key('overlap', array[p.a_code, p.b_code], finding_anchor(p.geom)),
           'overlap', p.geom, ST_Area(m), ST_Perimeter(m) / 2,
           array[p.a_code, p.b_code], '{}'::text[], null, null,
           array['unit:' || p.a_id, 'unit:' || p.b_id],
           coalesce(finding_default_owner(p.geom, array[p.a_id, p.b_id]), p.parent_id),
           jsonb_build_object('action', 'decide_owner', 'units', array[p.a_code, p.b_code]),
           jsonb_build_object('widthM', round((2 * ST_Area(m) / nullif(ST_Perimeter(m), 0))::numeric, 1))
    from piece p
    cross join lateral finding_metric(p.geom) m
    where not finding_is_noise(p.geom)
$$;

-- Straddles: a building whose footprint is split between grids, each share
-- passing the noise test. The shares are reported; the fix moves the boundary
-- so the building lies in the grid holding most of it.
create function detect_straddles(p_buildings int[]) returns setof finding_candidate
language sql stable as $$
    with share as (
        select b.id as building_id, b.code as building_code, b.footprint, g.id as grid_id, g.code as grid_code,
               ST_Intersection(g.boundary, b.footprint) as part
        from building b
        join territory_unit g on g.kind in ('community_grid', 'dedicated_grid')
                             and g.boundary && b.footprint and ST_Intersects(g.boundary, b.footprint)
        where (p_buildings is null or b.id = any(p_buildings))
          -- Most buildings lie inside one grid; only those that do not are measured.
          and not ST_Covers(g.boundary, b.footprint)),
    real_share as (
        select s.*, ST_Area(finding_metric(s.part)) as share_m2 from share s where not finding_is_noise(s.part)),
    straddler as (
        select building_id, building_code, footprint,
               array_agg(grid_code order by share_m2 desc, grid_code) as grids,
               array_agg(grid_id) as grid_ids,
               jsonb_agg(jsonb_build_object('unit', grid_code, 'areaM2', round(share_m2::numeric, 1))
                         order by share_m2 desc, grid_code) as shares,
               sum(share_m2) as total_m2
        from real_share group by building_id, building_code, footprint
        having count(*) >= 2)
    select finding_key('straddle', array[s.building_code], null), 'straddle', s.footprint,
           ST_Area(finding_metric(s.footprint)), null::double precision,
           s.grids, '{}'::text[], 'building', s.building_code,
           array['building:' || s.building_id],
           finding_default_owner(s.footprint, s.grid_ids),
           jsonb_build_object('action', 'move_boundary', 'unit', s.grids[1]),
           jsonb_build_object('shares', (select jsonb_agg(x || jsonb_build_object('share', round(((x ->> 'areaM2')::numeric / s.total_m2::numeric), 3)))
                                         from jsonb_array_elements(s.shares) x))
    from straddler s
$$;

-- Hazard points within the tolerance of a boundary between two grids: which
-- grid's worker goes is a coin toss. Candidates are found in degrees with a
-- margin, then measured in metres.
create function detect_boundary_hazards(p_hazards int[]) returns setof finding_candidate
language sql stable as $$
    with inside as (
        -- A hazard in two grids at once lies in an overlap, and one in no grid in a
        -- gap: those findings already say whose it is not. Here: exactly one grid.
        select h.id as hazard_id, h.code as hazard_code, h.location,
               min(g.id) as grid_id, min(g.code) as grid_code
        from hazard h
        join territory_unit g on g.kind in ('community_grid', 'dedicated_grid')
                             and g.boundary && h.location and ST_Intersects(g.boundary, h.location)
        where p_hazards is null or h.id = any(p_hazards)
        group by h.id, h.code, h.location
        having count(*) = 1),
    near as (
        select i.*, o.id as other_id, o.code as other_code,
               ST_Distance(finding_metric(o.boundary), finding_metric(i.location)) as distance_m,
               s.hazard_boundary_tolerance_m as tolerance
        from inside i
        cross join finding_setting s
        join territory_unit o on o.kind in ('community_grid', 'dedicated_grid') and o.id <> i.grid_id
                             -- 1° of longitude here is ~90 km: 1/80000 errs on the wide side.
                             and ST_DWithin(o.boundary, i.location, s.hazard_boundary_tolerance_m / 80000.0)),
    ambiguous as (
        select hazard_id, hazard_code, location, grid_id, grid_code,
               array_agg(other_code order by distance_m, other_code) as others,
               array_agg(other_id) as other_ids, min(distance_m) as distance_m
        from near where distance_m <= tolerance
        group by hazard_id, hazard_code, location, grid_id, grid_code)
    select finding_key('boundary_hazard', array[a.hazard_code], null), 'boundary_hazard', a.location,
           null::double precision, null::double precision,
           array[a.grid_code] || a.others, '{}'::text[], 'hazard', a.hazard_code,
           array['hazard:' || a.hazard_id],
           finding_default_owner(a.location, a.grid_id || a.other_ids),
           jsonb_build_object('action', 'assign_grid', 'unit', a.grid_code),
           jsonb_build_object('distanceToBoundaryM', round(a.distance_m::numeric, 2))
    from ambiguous a
$$;

-- Police-grid mismatch: a police grid (警格) whose land lies in the grids of
-- several communities (each part passing the noise test). The finding is the
-- land outside the community holding most of the police grid.
create function detect_police_mismatch(p_police int[]) returns setof finding_candidate
language sql stable as $$
    with part as (
        select p.id as police_id, p.code as police_code, p.boundary, c.id as community_id, c.code as community_code,
               ST_Union(ST_Intersection(p.boundary, g.boundary)) as land
        from territory_unit p
        join territory_unit g on g.kind in ('community_grid', 'dedicated_grid')
                             and g.boundary && p.boundary and ST_Relate(g.boundary, p.boundary, '2********')
        join territory_unit c on c.id = g.parent_id
        where p.kind = 'police_grid' and (p_police is null or p.id = any(p_police))
        group by p.id, p.code, p.boundary, c.id, c.code),
    real_part as (
        select p.*, ST_Area(finding_metric(p.land)) as area_m2,
               row_number() over (partition by p.police_id order by ST_Area(finding_metric(p.land)) desc, p.community_code) as rank
        from part p where not finding_is_noise(p.land)),
    mismatch as (
        select police_id, police_code, boundary,
               array_agg(community_code order by rank) as communities,
               array_agg(community_id) as community_ids,
               ST_CollectionExtract(ST_Union(land) filter (where rank > 1), 3) as outside,
               jsonb_agg(jsonb_build_object('unit', community_code, 'areaM2', round(area_m2::numeric, 1)) order by rank) as parts
        from real_part group by police_id, police_code, boundary
        having count(*) >= 2)
    select finding_key('police_mismatch', array[m.police_code] || m.communities, null), 'police_mismatch', m.outside,
           ST_Area(finding_metric(m.outside)), ST_Perimeter(finding_metric(m.outside)) / 2,
           array[m.police_code] || m.communities, '{}'::text[], null, null,
           array['police:' || m.police_id],
           finding_default_owner(m.boundary, m.community_ids),
           jsonb_build_object('action', 'align_police_grid', 'unit', m.police_code, 'community', m.communities[1]),
           jsonb_build_object('parts', m.parts)
    from mismatch m
$$;

-- Assets nobody owns, nobody manages, or several parties claim. A recorded
-- owner counts as one claim: a claim by anybody else makes it disputed.
create function detect_asset_findings(p_buildings int[], p_hazards int[]) returns setof finding_candidate
language sql stable as $$
    with asset as (
        select 'building'::text as asset_kind, b.id, b.code, b.footprint as geom, b.owner_id,
               b.property_manager_id is null as unmanaged
        from building b where p_buildings is null or b.id = any(p_buildings)
        union all
        select 'hazard', h.id, h.code, h.location, h.owner_id, false
        from hazard h where p_hazards is null or h.id = any(p_hazards)),
    claimants as (
        select p.asset_kind, p.id, array_agg(distinct o.code order by o.code) as orgs
        from (select a.asset_kind, a.id, a.owner_id as organisation_id from asset a where a.owner_id is not null
              union all
              select c.asset_kind, c.asset_id, c.organisation_id from ownership_claim c
              where (c.asset_kind = 'building' and (p_buildings is null or c.asset_id = any(p_buildings)))
                 or (c.asset_kind = 'hazard' and (p_hazards is null or c.asset_id = any(p_hazards)))) p
        join organisation o on o.id = p.organisation_id
        group by p.asset_kind, p.id),
    kind as (
        select a.*, k.kind, coalesce(c.orgs, '{}') as orgs
        from asset a
        left join claimants c using (asset_kind, id)
        cross join lateral (values ('ownerless', a.owner_id is null),
                                   ('unmanaged', a.unmanaged),
                                   ('disputed', coalesce(cardinality(c.orgs), 0) >= 2)) k(kind, applies)
        where k.applies),
    -- An asset's owner and area once, not once for each of its findings (an ownerless building with no manager
    -- has two). Most assets lie inside one grid: found set-based here, the rest level by level. Materialized: else
    -- the planner pulls the lateral owner up past the join with kind and evaluates it once per finding, and twice
    -- (the owner and its code), four grid lookups per ownerless, unmanaged building (an import's 51,000: most of
    -- the detection's time).
    placed as materialized (
        select a.asset_kind, a.id, o.owner,
               case when a.asset_kind = 'building' then ST_Area(finding_metric(a.geom)) end as area_m2
        from (select distinct on (asset_kind, id) asset_kind, id, geom from kind order by asset_kind, id) a
        cross join lateral (select coalesce(
            (select g.id from territory_unit g where g.kind in ('community_grid', 'dedicated_grid')
                                                and g.boundary && a.geom and ST_Covers(g.boundary, a.geom) order by g.id limit 1),
            finding_default_owner(a.geom, null)) as owner) o)
    select finding_key(k.kind, array[k.code], null), k.kind, k.geom,
           o.area_m2, null::double precision,
           array(select u.code from territory_unit u where u.id = o.owner), k.orgs, k.asset_kind, k.code,
           array[k.asset_kind || ':' || k.id], o.owner,
           jsonb_build_object('action', case k.kind when 'ownerless' then 'register_owner'
                                                    when 'unmanaged' then 'assign_manager'
                                                    else 'settle_claims' end),
           '{}'::jsonb
    from kind k
    join placed o using (asset_kind, id)
$$;
