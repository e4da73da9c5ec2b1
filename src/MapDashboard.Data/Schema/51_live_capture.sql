-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Live capture: every change to a live table is written to the ordered change log by a trigger, in the same
-- transaction as the change, so an edit made with psql, ogr2ogr or QGIS reaches the wall display exactly like
-- one made through the API. NOTIFY only wakes the server nodes; it carries nothing.

-- One trigger function for every live table. Arguments: the layer (or 'territory_unit', resolved per row to
-- grids / territory), the geometry column, and the id column.
create function capture_change() returns trigger
language plpgsql as $$
declare
    v_new     jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
    v_old     jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
    v_row     jsonb := coalesce(v_new, v_old);
    v_layer   text  := tg_argv[0];
    v_id      bigint := (v_row ->> tg_argv[2])::bigint;
    v_feature jsonb;
begin
    if tg_op = 'UPDATE' and v_new = v_old then
        return null; -- nothing a map could see has changed
    end if;
    -- A bulk load (the demo district, an import) is not a stream of changes:
    -- it sets mapdashboard.capture = off for its transaction, and clients
    -- connected during it reload their snapshot.
    if current_setting('mapdashboard.capture', true) = 'off' then
        return null;
    end if;
    if v_layer = 'territory_unit' then
        v_layer := case when v_row ->> 'kind' in ('district', 'street', 'community') then 'territory' else 'grids' end;
    end if;
    if tg_op <> 'DELETE' then
        v_feature := live_feature(v_layer, v_id);
    end if;

    -- Serialise writers from here to their commit, so seq order is commit
    -- order: a reader that has seen seq N can never later find a committed
    -- seq below N. Held only from this row's capture to the commit.
    perform pg_advisory_xact_lock(1296126019); -- 'MAPC'

    insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
    values (nextval('change_log_seq'), v_layer, v_id,
            case when tg_op = 'DELETE' or v_feature is null then 'delete' else 'upsert' end,
            v_feature,
            case when v_feature is not null then ST_SetSRID(ST_GeomFromGeoJSON(v_feature -> 'geometry'), 4326) end,
            -- to_jsonb renders a geometry as GeoJSON (PostGIS 3 casts) with its crs, which is dropped before
            -- parsing: ST_GeomFromGeoJSON resolves a named crs with a query on spatial_ref_sys planned afresh
            -- each time (~0.9 ms, most of an update's capture), and every stored geometry is EPSG:4326 anyway.
            ST_SetSRID(ST_GeomFromGeoJSON((v_old -> tg_argv[1]) - 'crs'), 4326));
    -- An empty payload: PostgreSQL folds identical notifications of one transaction into one.
    perform pg_notify('map_changes', '');
    return null;
end
$$;

-- The live tables. Worker positions are published, not captured per ping (52_live_positions.sql).
create trigger territory_unit_capture after insert or update or delete on territory_unit
    for each row execute function capture_change('territory_unit', 'boundary', 'id');

create trigger building_capture after insert or update or delete on building
    for each row execute function capture_change('buildings', 'footprint', 'id');

create trigger hazard_capture after insert or update or delete on hazard
    for each row execute function capture_change('hazards', 'location', 'id');

create trigger incident_capture after insert or update or delete on incident
    for each row execute function capture_change('incidents', 'location', 'id');

create trigger patrol_route_capture after insert or update or delete on patrol_route
    for each row execute function capture_change('routes', 'path', 'id');

create trigger finding_capture after insert or update or delete on finding
    for each row execute function capture_change('findings', 'geom', 'id');

-- Drops what retention no longer keeps and moves the horizon past it.
create function prune_change_log(p_keep interval) returns bigint
language plpgsql as $$
declare v_through bigint;
begin
    select max(seq) into v_through from change_log where committed_at < now() - p_keep;
    if v_through is null then return 0; end if;
    delete from change_log where seq <= v_through;
    update change_log_horizon set pruned_through = greatest(pruned_through, v_through);
    return v_through;
end
$$;
