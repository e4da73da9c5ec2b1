-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- THE metric frame: the projected CRS every area, length, buffer and distance is taken in (geometry is stored in
-- EPSG:4326). It follows the district: the UTM zone (WGS 84, north or south) of the district's centroid, unless
-- the server is configured with another metric SRID (MetricCrs:Srid, e.g. a CGCS2000 3° Gauss-Krüger zone such as
-- EPSG:4544, central meridian 105°E). The choice is the one row of metric_crs_setting.

-- The frame's SRID. Its body is the SRID as a constant, written from metric_crs_setting when this file is applied
-- and again by metric_crs_apply whenever the frame changes (the one object of the folder redefined at run time).
-- A constant SQL function is inlined by the planner: ST_Transform(g, metric_srid()) is planned as
-- ST_Transform(g, 32650), no table read per row, and the hot coverage and tile queries keep their plans. Stable,
-- not immutable: an immutable one is evaluated at plan time without the plan recording that it depends on it, so a
-- statement prepared before a change of frame (Npgsql's, PL/pgSQL's) would go on measuring in the old frame; an
-- inlined stable one is recorded, and its redefinition re-plans every such statement. Functions that call it are
-- stable for the same reason.
do $$
begin
    execute format('create function metric_srid() returns int language sql stable parallel safe as %L',
                   format('select %s', (select srid from metric_crs_setting)));
end $$;

-- The UTM zone of a point as an EPSG code: 326zz north of the equator, 327zz south, zones of 6° from 180°W. A
-- point on a zone's edge belongs to the zone east of it (102°E opens zone 48); 180°E stays in zone 60. The
-- Norwegian exceptions (zones 32V, 31X–37X) are not applied: they concern no Chinese district.
create function metric_crs_utm_srid(p_lon float8, p_lat float8) returns int
language sql immutable parallel safe as $$
    select case when p_lat < 0 then 32700 else 32600 end + least(60, greatest(1, floor((p_lon + 180) / 6)::int + 1))
$$;

-- The UTM zone of the district's centroid (null: no district loaded).
create function metric_crs_district_srid() returns int
language sql stable as $$
    select metric_crs_utm_srid(ST_X(c), ST_Y(c))
    from (select ST_Centroid(ST_Collect(boundary)) as c from territory_unit where kind = 'district') d
    where c is not null
$$;

-- Makes p_srid the metric frame, chosen by p_chosen_by ('district', 'configured'). A frame must be a transverse
-- Mercator CRS in metres known to PostGIS (spatial_ref_sys): UTM or Gauss-Krüger, whose scale error within a zone
-- is a few parts in ten thousand (Web Mercator's, 1.3 at 40°N, is not a measure). When the SRID changes, metric_srid() is redefined and what is stored
-- in the old frame is redone: the visit points' metric copies (rewritten with capture off: derived columns, not an
-- edit anyone made), the findings (their areas and widths) and every worker-hour's coverage (queued for the drain).
create function metric_crs_apply(p_srid int, p_chosen_by text) returns void
language plpgsql as $$
declare
    v_old int := (select srid from metric_crs_setting);
    v_capture text := current_setting('mapdashboard.capture', true);
begin
    if not exists (select 1 from spatial_ref_sys where srid = p_srid and proj4text ~ '^\+proj=(utm|tmerc) ' and proj4text like '% +units=m %') then
        raise exception 'metric SRID % is not a UTM or Gauss-Krüger CRS in metres known to PostGIS (spatial_ref_sys)', p_srid
            using errcode = '22023';
    end if;
    update metric_crs_setting set srid = p_srid, chosen_by = p_chosen_by;
    if p_srid = v_old then return; end if;

    execute format('create or replace function metric_srid() returns int language sql stable parallel safe as %L',
                   format('select %s', p_srid));
    perform set_config('mapdashboard.capture', 'off', true);
    update building set visit_point_metric = ST_Transform(visit_point, p_srid);
    update hazard set location_metric = ST_Transform(location, p_srid);
    perform set_config('mapdashboard.capture', coalesce(v_capture, ''), true);
    -- A district being loaded (its territory in, no building yet) has nothing measured to redo.
    if exists (select 1 from building) or exists (select 1 from finding) then
        perform recompute_all_findings();
    end if;
    perform patrol_coverage_mark_all();
end $$;

-- The frame the district decides: its centroid's UTM zone, unless a configured frame stands (a re-import keeps
-- it). Without a district the frame stays as it is. The district loader calls this once the territory is in.
create function metric_crs_follow_district() returns int
language plpgsql as $$
declare
    v_srid int := metric_crs_district_srid();
begin
    if v_srid is not null and (select chosen_by from metric_crs_setting) <> 'configured' then
        perform metric_crs_apply(v_srid, 'district');
    end if;
    return metric_srid();
end $$;

-- The server's start: p_srid is the configured frame (MetricCrs:Srid), null when none is — then the district
-- decides again, a frame configured earlier included.
create function metric_crs_configure(p_srid int) returns int
language plpgsql as $$
begin
    if p_srid is not null then
        perform metric_crs_apply(p_srid, 'configured');
        return p_srid;
    end if;
    update metric_crs_setting set chosen_by = 'default' where chosen_by = 'configured';
    return metric_crs_follow_district();
end $$;

-- The metric copies of the visit points (building.visit_point_metric, hazard.location_metric), kept in the frame.
-- building.visit_point is generated and not yet computed when a before-trigger runs: its expression is written
-- out here (entrance, else the footprint's point on surface).
create function metric_building_visit_point() returns trigger
language plpgsql as $$
begin
    new.visit_point_metric := ST_Transform(coalesce(new.entrance, ST_PointOnSurface(new.footprint)), metric_srid());
    return new;
end $$;

create trigger building_visit_point_metric before insert or update of entrance, footprint on building
    for each row execute function metric_building_visit_point();

create function metric_hazard_location() returns trigger
language plpgsql as $$
begin
    new.location_metric := ST_Transform(new.location, metric_srid());
    return new;
end $$;

create trigger hazard_location_metric before insert or update of location on hazard
    for each row execute function metric_hazard_location();
