-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings (where ownership is unclear, 权属不清), the measures every detector shares: levels, metres, noise,
-- identity and the default owner (属地兜底). Measured in metres in the metric frame (metric_srid(), Schema/05_metric_crs.sql).

-- Grids of both kinds are one level: a community grid and a dedicated grid
-- side by side partition their community together.
create function territory_level(p_kind text) returns text
language sql immutable as $$
    select case when p_kind in ('community_grid', 'dedicated_grid') then 'grid' else p_kind end
$$;

create function finding_metric(p_geom geometry) returns geometry
language sql stable parallel safe as $$ select ST_Transform(p_geom, metric_srid()) $$;

-- Noise: too small or too thin to be anything but digitising error.
create function finding_is_noise(p_geom geometry) returns boolean
language sql stable as $$
    select ST_Area(finding_metric(p_geom)) < s.min_area_m2
        or (s.min_width_m > 0 and ST_IsEmpty(ST_Buffer(finding_metric(p_geom), -s.min_width_m / 2, 'quad_segs=2')))
    from finding_setting s
$$;

-- The representative point of a land finding, snapped so that small edits
-- elsewhere in the geometry do not change the identity.
create function finding_anchor(p_geom geometry) returns text
language sql stable as $$
    select format('%s,%s', round(ST_X(p)::numeric / s.identity_snap_m) * s.identity_snap_m,
                           round(ST_Y(p)::numeric / s.identity_snap_m) * s.identity_snap_m)
    from finding_setting s, finding_metric(ST_PointOnSurface(p_geom)) p
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
