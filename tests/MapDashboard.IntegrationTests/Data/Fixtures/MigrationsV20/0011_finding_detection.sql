-- Detection of unclear ownership, in PostGIS (3.3: no ST_Coverage*, so built
-- from ST_Union / ST_Difference / ST_Intersection), measured in metres in UTM
-- 48N. Every detect_* function takes the ids it should look at (null = all), so
-- one code path serves the full recomputation and the incremental one.

-- A candidate finding, before identity matching and explanation.
create type finding_candidate as (
    finding_key      text,
    kind             text,
    geom             geometry,
    area_m2          double precision,
    length_m         double precision,
    unit_codes       text[],
    org_codes        text[],
    asset_kind       text,
    asset_code       text,
    subject          text[],
    default_owner_id int,
    suggested_fix    jsonb,
    detail           jsonb);

-- Grids of both kinds are one level: a community grid and a dedicated grid
-- side by side partition their community together.
create function territory_level(p_kind text) returns text
language sql immutable as $$
    select case when p_kind in ('community_grid', 'dedicated_grid') then 'grid' else p_kind end
$$;

create function finding_metric(p_geom geometry) returns geometry
language sql immutable parallel safe as $$ select ST_Transform(p_geom, 32648) $$;

-- Noise: too small or too thin to be anything but digitising error.
create function finding_is_noise(p_geom geometry) returns boolean
language sql stable as $$
    select ST_Area(finding_metric(p_geom)) < s.min_area_m2
        or (s.min_width_m > 0 and ST_IsEmpty(ST_Buffer(finding_metric(p_geom), -s.min_width_m / 2, 'quad_segs=2')))
    from ambiguity_setting s
$$;

-- The representative point of a land finding, snapped so that small edits
-- elsewhere in the geometry do not change the identity.
create function finding_anchor(p_geom geometry) returns text
language sql stable as $$
    select format('%s,%s', round(ST_X(p)::numeric / s.identity_snap_m) * s.identity_snap_m,
                           round(ST_Y(p)::numeric / s.identity_snap_m) * s.identity_snap_m)
    from ambiguity_setting s, finding_metric(ST_PointOnSurface(p_geom)) p
$$;

create function finding_key(p_kind text, p_codes text[], p_anchor text) returns text
language sql immutable as $$
    select p_kind || ':' || array_to_string(array(select distinct c from unnest(p_codes) c order by c), ',')
        || coalesce('@' || p_anchor, '')
$$;

-- 属地兜底: the smallest territorial unit (grid, community, street, district)
-- that contains the geometry, the units in dispute excluded. Level by level,
-- smallest first, so most assets are settled by a grid alone and the large
-- street and district polygons are rarely tested.
create function finding_default_owner_at(p_geom geometry, p_exclude int[], p_kinds text[]) returns int
language sql stable as $$
    select u.id from territory_unit u
    where u.kind = any(p_kinds)
      and u.id <> all(coalesce(p_exclude, '{}'))
      and u.boundary && p_geom and ST_Intersects(u.boundary, ST_PointOnSurface(p_geom))
      -- Contained up to floating-point dust along shared edges (0.1% of the area).
      and (ST_Covers(u.boundary, p_geom) or ST_Area(ST_Difference(p_geom, u.boundary)) <= 0.001 * ST_Area(p_geom))
    order by u.id
    limit 1
$$;

create function finding_default_owner(p_geom geometry, p_exclude int[]) returns int
language sql stable as $$
    select coalesce(finding_default_owner_at(p_geom, p_exclude, '{community_grid,dedicated_grid}'),
                    finding_default_owner_at(p_geom, p_exclude, '{community}'),
                    finding_default_owner_at(p_geom, p_exclude, '{street}'),
                    finding_default_owner_at(p_geom, p_exclude, '{district}'))
$$;

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
        cross join ambiguity_setting s
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
        where k.applies)
    select finding_key(k.kind, array[k.code], null), k.kind, k.geom,
           case when k.asset_kind = 'building' then ST_Area(finding_metric(k.geom)) end, null::double precision,
           array(select u.code from territory_unit u where u.id = o.owner), k.orgs, k.asset_kind, k.code,
           array[k.asset_kind || ':' || k.id], o.owner,
           jsonb_build_object('action', case k.kind when 'ownerless' then 'register_owner'
                                                    when 'unmanaged' then 'assign_manager'
                                                    else 'settle_claims' end),
           '{}'::jsonb
    from kind k
    -- Most assets lie inside one grid: found set-based here, the rest level by level.
    cross join lateral (select coalesce(
        (select g.id from territory_unit g where g.kind in ('community_grid', 'dedicated_grid')
                                            and g.boundary && k.geom and ST_Covers(g.boundary, k.geom) order by g.id limit 1),
        finding_default_owner(k.geom, null)) as owner) o
$$;

-- How a unit or an asset is named in an explanation.
create function finding_unit_label(p_code text, p_lang text) returns text
language sql stable as $$
    select case when p_lang = 'zh' then u.name || '（' || u.code || '）'
                else case territory_level(u.kind) when 'grid' then 'grid' when 'micro_grid' then 'micro-grid'
                                                  when 'police_grid' then 'police grid' else u.kind end
                     || ' ' || u.code end
    from territory_unit u where u.code = p_code
$$;

create function finding_asset_label(p_kind text, p_code text, p_lang text) returns text
language sql stable as $$
    select case when p_kind = 'building' then
               (select case when p_lang = 'zh' then '楼栋' || b.name || '（' || b.code || '）'
                            else 'building ' || b.code || ' (' || b.name || ')' end
                from building b where b.code = p_code)
           else
               (select case when p_lang = 'zh' then '隐患点' || c.name_zh || '（' || h.code || '）'
                            else 'hazard ' || h.code || ' (' || lower(c.name_en) || ')' end
                from hazard h join category c on c.code = h.category_code where h.code = p_code)
           end
$$;

create function finding_list(p_codes text[], p_lang text) returns text
language sql stable as $$
    select string_agg(finding_unit_label(c, p_lang), case when p_lang = 'zh' then '、' else ', ' end order by n)
    from unnest(p_codes) with ordinality x(c, n)
$$;

-- The plain-words explanation a click on the map shows, in zh-CN and en.
create function finding_explain(c finding_candidate, out zh text, out en text)
language plpgsql stable as $$
declare
    v_area  text := to_char(round(c.area_m2), 'FM999,999,999,990');
    v_owner text := (select code from territory_unit where id = c.default_owner_id);
    v_owner_zh text := coalesce(finding_unit_label(v_owner, 'zh'), '区网格中心');
    v_owner_en text := coalesce(finding_unit_label(v_owner, 'en'), 'the district grid centre');
    v_strip boolean := coalesce((c.detail ->> 'widthM')::float8 * 4 < c.length_m, false);
    v_level text := c.detail ->> 'level';
    v_rest  text[] := c.unit_codes[2:];
begin
    case c.kind
    when 'gap' then
        zh := format('这块 %s 平方米的%s位于%s内%s，不属于任何%s；按属地兜底，默认由%s负责。',
            v_area, case when v_strip then '狭长地块' else '土地' end, finding_unit_label(c.unit_codes[1], 'zh'),
            case when cardinality(v_rest) > 0 then '、' || finding_list(v_rest, 'zh') || '之间' else '' end,
            case v_level when 'grid' then '网格' when 'micro_grid' then '微网格' when 'police_grid' then '警格'
                         when 'community' then '社区' else '街道' end, v_owner_zh);
        en := format('This %s m² %s inside %s%s belongs to no %s; by default %s is responsible.',
            v_area, case when v_strip then 'strip' else 'area' end, finding_unit_label(c.unit_codes[1], 'en'),
            case when cardinality(v_rest) > 0 then ', between ' || finding_list(v_rest, 'en') || ',' else '' end,
            case v_level when 'grid' then 'grid' when 'micro_grid' then 'micro-grid' when 'police_grid' then 'police grid'
                         else v_level end, v_owner_en);
    when 'overlap' then
        zh := format('这块 %s 平方米的土地同时划入了%s；按属地兜底，默认由%s决定归属。', v_area, finding_list(c.unit_codes, 'zh'), v_owner_zh);
        en := format('This %s m² area is claimed by both %s; by default %s decides which keeps it.', v_area, finding_list(c.unit_codes, 'en'), v_owner_en);
    when 'straddle' then
        zh := format('%s被网格边界切开（%s）；按属地兜底，默认由%s负责，建议调整边界使其整栋归入%s。',
            finding_asset_label('building', c.asset_code, 'zh'),
            (select string_agg(finding_unit_label(x ->> 'unit', 'zh') || ' ' || round((x ->> 'share')::numeric * 100) || '%', '，')
             from jsonb_array_elements(c.detail -> 'shares') x),
            v_owner_zh, finding_unit_label(c.unit_codes[1], 'zh'));
        en := format('%s is split by a grid boundary (%s); by default %s is responsible; suggested: move the boundary so it lies wholly in %s.',
            initcap(left(finding_asset_label('building', c.asset_code, 'en'), 1)) || substr(finding_asset_label('building', c.asset_code, 'en'), 2),
            (select string_agg(finding_unit_label(x ->> 'unit', 'en') || ' ' || round((x ->> 'share')::numeric * 100) || '%', ', ')
             from jsonb_array_elements(c.detail -> 'shares') x),
            v_owner_en, finding_unit_label(c.unit_codes[1], 'en'));
    when 'boundary_hazard' then
        zh := format('%s距%s的边界仅 %s 米，归哪个网格不明确；按属地兜底，默认由%s负责。',
            finding_asset_label('hazard', c.asset_code, 'zh'), finding_list(c.unit_codes, 'zh'),
            c.detail ->> 'distanceToBoundaryM', v_owner_zh);
        en := format('Hazard %s lies %s m from the boundary between %s, so it is unclear whose grid it is in; by default %s is responsible.',
            c.asset_code, c.detail ->> 'distanceToBoundaryM', finding_list(c.unit_codes, 'en'), v_owner_en);
    when 'police_mismatch' then
        zh := format('%s横跨%s个社区（%s），其中 %s 平方米不在其主要社区内；按属地兜底，默认由%s协调警格与网格。',
            finding_unit_label(c.unit_codes[1], 'zh'), cardinality(v_rest), finding_list(v_rest, 'zh'), v_area, v_owner_zh);
        en := format('Police grid %s spans %s communities (%s); %s m² of it lies outside its main community; by default %s lines the police grid up with the grids.',
            c.unit_codes[1], cardinality(v_rest), finding_list(v_rest, 'en'), v_area, v_owner_en);
    when 'ownerless' then
        zh := format('%s没有登记产权人；按属地兜底，默认由%s负责。', finding_asset_label(c.asset_kind, c.asset_code, 'zh'), v_owner_zh);
        en := format('%s has no registered owner; by default %s is responsible.', initcap(c.asset_kind) || ' ' || c.asset_code, v_owner_en);
    when 'unmanaged' then
        zh := format('%s没有物业管理单位（无物业）；按属地兜底，默认由%s负责。', finding_asset_label(c.asset_kind, c.asset_code, 'zh'), v_owner_zh);
        en := format('%s has no property manager; by default %s is responsible.', initcap(c.asset_kind) || ' ' || c.asset_code, v_owner_en);
    else
        zh := format('%s的产权有争议：%s都主张拥有；按属地兜底，默认由%s协调。', finding_asset_label(c.asset_kind, c.asset_code, 'zh'),
            (select string_agg(o.name, '、' order by o.code) from organisation o where o.code = any(c.org_codes)), v_owner_zh);
        en := format('%s is claimed by %s; by default %s mediates.', initcap(c.asset_kind) || ' ' || c.asset_code,
            array_to_string(c.org_codes, ' and '), v_owner_en);
    end case;
end
$$;

-- Stores what a recomputation found. p_scope names the subjects that were
-- recomputed (null = all): a stored finding of those subjects that was not
-- found again is gone. Identity: the key; failing that, a stored finding of
-- the same kind and subject whose geometry the new one intersects takes the
-- new key (a gap reshaped by an edit is still the same gap, with its status).
create function apply_findings(p_found finding_candidate[], p_scope text[]) returns void
language plpgsql as $$
begin
    with found as (select * from unnest(p_found)),
    unmatched as (select * from found f where not exists (select 1 from finding x where x.finding_key = f.finding_key)),
    orphan as (select * from finding x where x.present and (p_scope is null or x.subject && p_scope)
                 and not exists (select 1 from found f where f.finding_key = x.finding_key)),
    pairing as (
        select distinct on (o.id) o.id, u.finding_key
        from unmatched u join orphan o on o.kind = u.kind and o.subject && u.subject
                                      and o.geom && u.geom and ST_Intersects(o.geom, u.geom)
        order by o.id, u.finding_key),
    one_each as (select distinct on (finding_key) id, finding_key from pairing order by finding_key, id)
    update finding x set finding_key = one_each.finding_key from one_each where x.id = one_each.id;

    insert into finding as f (finding_key, kind, geom, area_m2, length_m, unit_codes, org_codes, asset_kind, asset_code,
                              subject, default_owner_id, community_id, street_id, suggested_fix, detail,
                              explanation_zh, explanation_en, signature, status)
    select c.finding_key, c.kind, c.geom, c.area_m2, c.length_m, c.unit_codes, c.org_codes, c.asset_kind, c.asset_code,
           c.subject, c.default_owner_id, place.community_id, place.street_id, c.suggested_fix, c.detail, e.zh, e.en,
           md5(concat_ws('|', ST_AsEWKB(c.geom)::text, round(c.area_m2::numeric, 2), c.unit_codes::text, c.org_codes::text,
                         c.default_owner_id, c.suggested_fix::text, c.detail::text, e.zh, e.en)),
           case when a.finding_key is not null then 'accepted' else 'new' end
    from unnest(p_found) c
    cross join lateral finding_explain(c) e
    cross join lateral (
        select (select u.id from territory_unit u where u.kind = 'community' and ST_Intersects(u.boundary, p.pt) limit 1) as community_id,
               (select u.id from territory_unit u where u.kind = 'street' and ST_Intersects(u.boundary, p.pt) limit 1) as street_id
        from (select ST_PointOnSurface(c.geom) as pt) p) place
    left join finding_acceptance a on a.finding_key = c.finding_key
    on conflict (finding_key) do update set
        geom = excluded.geom, area_m2 = excluded.area_m2, length_m = excluded.length_m,
        unit_codes = excluded.unit_codes, org_codes = excluded.org_codes, subject = excluded.subject,
        default_owner_id = excluded.default_owner_id, community_id = excluded.community_id, street_id = excluded.street_id,
        suggested_fix = excluded.suggested_fix, detail = excluded.detail,
        explanation_zh = excluded.explanation_zh, explanation_en = excluded.explanation_en,
        signature = excluded.signature, present = true, last_seen_at = now(), updated_at = now(),
        -- Found again after it was resolved: the fix did not hold.
        status = case when excluded.status = 'accepted' then 'accepted'
                      when f.status = 'resolved' then 'new' else f.status end
    where f.signature <> excluded.signature or not f.present or f.status = 'resolved'
       or (excluded.status = 'accepted' and f.status <> 'accepted');

    update finding x set present = false, updated_at = now(),
           status = case when x.status in ('new', 'assigned') then 'resolved' else x.status end
    where x.present and (p_scope is null or x.subject && p_scope)
      and not exists (select 1 from unnest(p_found) f where f.finding_key = x.finding_key);

    perform refresh_finding_daily();
end
$$;

-- Today's row of the 30-day series for every street and community; earlier
-- days keep what they recorded. Accepted and resolved findings do not count.
create function refresh_finding_daily() returns void
language sql as $$
    delete from finding_daily where day = current_date;
    insert into finding_daily (day, unit_id, kind, finding_count, area_m2)
    select current_date, u.unit_id, f.kind, count(*), coalesce(sum(f.area_m2), 0)
    from finding f
    cross join lateral (values (f.community_id), (f.street_id)) u(unit_id)
    where f.present and f.status in ('new', 'assigned') and u.unit_id is not null
    group by u.unit_id, f.kind;
$$;

-- Recomputes the findings of the given subjects (nulls everywhere = all).
create function recompute_findings(p_parents int[], p_units int[], p_police int[], p_buildings int[], p_hazards int[])
returns void
language plpgsql as $$
declare
    v_all   boolean := p_parents is null and p_units is null and p_police is null and p_buildings is null and p_hazards is null;
    v_found finding_candidate[];
    v_scope text[];
begin
    if not v_all then
        p_parents := coalesce(p_parents, '{}'); p_units := coalesce(p_units, '{}'); p_police := coalesce(p_police, '{}');
        p_buildings := coalesce(p_buildings, '{}'); p_hazards := coalesce(p_hazards, '{}');
        v_scope := array(select 'parent:' || x from unnest(p_parents) x union all
                         select 'unit:' || x from unnest(p_units) x union all
                         select 'police:' || x from unnest(p_police) x union all
                         select 'building:' || x from unnest(p_buildings) x union all
                         select 'hazard:' || x from unnest(p_hazards) x);
    end if;
    -- One query per kind: a union of the set-returning functions would stop them being inlined.
    v_found := array(select c from detect_gaps(p_parents) c)
            || array(select c from detect_overlaps(p_units) c)
            || array(select c from detect_police_mismatch(p_police) c)
            || array(select c from detect_straddles(p_buildings) c)
            || array(select c from detect_boundary_hazards(p_hazards) c)
            || array(select c from detect_asset_findings(p_buildings, p_hazards) c);
    perform apply_findings(coalesce(v_found, '{}'), v_scope);
end
$$;

create function recompute_all_findings() returns void
language sql as $$ select recompute_findings(null, null, null, null, null) $$;

-- What a territory edit can affect: the edited units' own gaps (as parents),
-- their parents' gaps (old and new parent), overlaps with their siblings, the
-- police grids over them, and the buildings and hazards on them. p_areas holds
-- the old and new boundaries one by one: collected into one multipolygon they
-- would overlap, which GEOS rejects as invalid.
create function recompute_for_territory(p_units int[], p_parents int[], p_areas geometry[]) returns void
language sql as $$
    select recompute_findings(
        p_units || p_parents,
        p_units,
        array(select p.id from territory_unit p where p.kind = 'police_grid'
              and (p.id = any(p_units) or exists (select 1 from unnest(p_areas) a
                                                 where p.boundary && a and ST_Intersects(p.boundary, a)))),
        array(select distinct b.id from building b, unnest(p_areas) a where b.footprint && a and ST_Intersects(b.footprint, a)),
        array(select distinct h.id from hazard h, unnest(p_areas) a, ambiguity_setting s
              where ST_DWithin(h.location, a, s.hazard_boundary_tolerance_m / 80000.0)))
$$;

-- A bulk load switches live capture off (mapdashboard.capture = off) and
-- recomputes everything afterwards; mapdashboard.findings = off does the same
-- for findings alone.
create function findings_follow_edits() returns boolean
language sql stable as $$
    select coalesce(current_setting('mapdashboard.capture', true), '') <> 'off'
       and coalesce(current_setting('mapdashboard.findings', true), '') <> 'off'
$$;

-- Statement triggers with transition tables: one recomputation per statement,
-- however many rows it touched, so an ogr2ogr import of 500 grids costs one.
create function territory_refresh_findings() returns trigger
language plpgsql as $$
declare v_units int[]; v_parents int[]; v_areas geometry[];
begin
    if not findings_follow_edits() then return null; end if;
    if tg_op = 'INSERT' then
        select array_agg(id), array_agg(parent_id) filter (where parent_id is not null), array_agg(boundary)
        into v_units, v_parents, v_areas from new_table;
    elsif tg_op = 'DELETE' then
        select array_agg(id), array_agg(parent_id) filter (where parent_id is not null), array_agg(boundary)
        into v_units, v_parents, v_areas from old_table;
    else
        -- Only what findings depend on: a grid's red/yellow/blue status changes nothing here.
        select array_agg(n.id), array_remove(array_agg(n.parent_id) || array_agg(o.parent_id), null),
               array_agg(n.boundary) || array_agg(o.boundary)
        into v_units, v_parents, v_areas
        from new_table n join old_table o using (id)
        where (n.boundary, n.parent_id, n.kind, n.code, n.name) is distinct from (o.boundary, o.parent_id, o.kind, o.code, o.name);
    end if;
    if v_units is not null then
        perform recompute_for_territory(v_units, coalesce(v_parents, '{}'), v_areas);
    end if;
    return null;
end
$$;

-- Buildings and hazards. Arguments: the asset kind, then the columns findings
-- depend on (a hazard's status and severity change daily and do not bear on ownership).
create function asset_refresh_findings() returns trigger
language plpgsql as $$
declare v_ids int[];
begin
    if not findings_follow_edits() then return null; end if;
    if tg_op = 'INSERT' then select array_agg(id) into v_ids from new_table;
    elsif tg_op = 'DELETE' then select array_agg(id) into v_ids from old_table;
    else
        select array_agg(n.id) into v_ids from new_table n join old_table o using (id)
        where exists (select 1 from unnest(tg_argv[1:]) c where to_jsonb(n) -> c is distinct from to_jsonb(o) -> c);
    end if;
    if v_ids is null then return null; end if;
    if tg_argv[0] = 'building' then perform recompute_findings('{}', '{}', '{}', v_ids, '{}');
    else perform recompute_findings('{}', '{}', '{}', '{}', v_ids); end if;
    return null;
end
$$;

create function claim_refresh_findings() returns trigger
language plpgsql as $$
declare v_buildings int[]; v_hazards int[];
begin
    if not findings_follow_edits() then return null; end if;
    if tg_op = 'INSERT' then
        select array_agg(asset_id) filter (where asset_kind = 'building'), array_agg(asset_id) filter (where asset_kind = 'hazard')
        into v_buildings, v_hazards from new_table;
    elsif tg_op = 'DELETE' then
        select array_agg(asset_id) filter (where asset_kind = 'building'), array_agg(asset_id) filter (where asset_kind = 'hazard')
        into v_buildings, v_hazards from old_table;
    else
        select array_agg(asset_id) filter (where asset_kind = 'building'), array_agg(asset_id) filter (where asset_kind = 'hazard')
        into v_buildings, v_hazards from (select asset_kind, asset_id from new_table union select asset_kind, asset_id from old_table) c;
    end if;
    perform recompute_findings('{}', '{}', '{}', coalesce(v_buildings, '{}'), coalesce(v_hazards, '{}'));
    return null;
end
$$;

-- PostgreSQL allows transition tables only on single-event triggers: three
-- per table, made in one loop.
do $$
declare t record;
begin
    for t in select * from (values
            ('territory_unit', 'territory', 'territory_refresh_findings()'),
            ('building', 'building', 'asset_refresh_findings(''building'', ''footprint'', ''owner_id'', ''property_manager_id'', ''code'', ''name'')'),
            ('hazard', 'hazard', 'asset_refresh_findings(''hazard'', ''location'', ''owner_id'', ''code'', ''category_code'')'),
            ('ownership_claim', 'claim', 'claim_refresh_findings()')) v(tbl, prefix, fn) loop
        execute format('create trigger %s_findings_insert after insert on %I referencing new table as new_table '
                       'for each statement execute function %s', t.prefix, t.tbl, t.fn);
        execute format('create trigger %s_findings_update after update on %I referencing old table as old_table new table as new_table '
                       'for each statement execute function %s', t.prefix, t.tbl, t.fn);
        execute format('create trigger %s_findings_delete after delete on %I referencing old table as old_table '
                       'for each statement execute function %s', t.prefix, t.tbl, t.fn);
    end loop;
end
$$;
