-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Live capture: every change to a live table is written to the ordered change log by a trigger, in the same
-- transaction as the change, so an edit made with psql, ogr2ogr or QGIS reaches the wall display exactly like
-- one made through the API. NOTIFY only wakes the server nodes; it carries nothing.

-- One row trigger function for every live table's updates (inserts and deletes: capture_changes, below) and
-- the worker positions' deletes. Arguments: the layer (or 'territory_unit', resolved per row to
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

-- Inserts and deletes of many rows at once (an import, a recomputation storing 100,000 findings): the same
-- change-log rows as capture_change writes one by one, from the statement's transition table in one
-- INSERT … SELECT, the statement built once. A row trigger per row cost ~1.5 ms a finding (a PL/pgSQL call,
-- to_jsonb of the row, a GeoJSON parse of the old geometry); an update stays a row trigger, which pairs old and
-- new (a transition table's rows have no documented pairing). Arguments as capture_change's.
create function capture_changes() returns trigger
language plpgsql set jit = off as $$
declare
    v_layer text := case when tg_argv[0] = 'territory_unit'
                         then 'case when r.kind in (''district'', ''street'', ''community'') then ''territory'' else ''grids'' end'
                         else quote_literal(tg_argv[0]) end;
begin
    if current_setting('mapdashboard.capture', true) = 'off' then
        return null;
    end if;
    -- A statement of no rows takes no lock: it would hold every other writer back until its commit.
    if tg_op = 'INSERT' then perform from new_table limit 1; else perform from old_table limit 1; end if;
    if not found then
        return null;
    end if;
    perform pg_advisory_xact_lock(1296126019); -- 'MAPC', as capture_change: seq order is commit order
    if tg_op = 'INSERT' then
        -- An insert's rows are its features: live_features gives one row per id, so the change-log rows are taken
        -- from it as they come. Joined back to the transition table by layer and id, they were sorted first — an
        -- import's 102,000 finding features, 140 MB, written to disk and read back (1.7 s of the 11 s its findings'
        -- capture took under auto_explain). Rows of one statement are distinct features: their order among
        -- themselves tells a reader nothing.
        execute format($q$
            insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
            select nextval('change_log_seq'), g.layer, lf.id, case when lf.feature is null then 'delete' else 'upsert' end, lf.feature,
                   case when lf.feature is not null then ST_SetSRID(ST_GeomFromGeoJSON(lf.feature -> 'geometry'), 4326) end, null
            from (select l.layer, array_agg(r.%1$I::bigint) as ids
                  from new_table r cross join lateral (select %2$s as layer) l group by l.layer) g
            cross join lateral live_features(g.layer, g.ids) lf$q$,
            tg_argv[2], v_layer);
    else
        execute format($q$
            insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
            select nextval('change_log_seq'), l.layer, r.%1$I::bigint, 'delete', null, null, ST_SetSRID(r.%3$I::geometry, 4326)
            from old_table r cross join lateral (select %2$s as layer) l$q$,
            tg_argv[2], v_layer, tg_argv[1]);
    end if;
    perform pg_notify('map_changes', '');
    return null;
end
$$;

-- The live tables. Worker positions are published, not captured per ping (52_live_positions.sql). Transition
-- tables are allowed only on single-event triggers: inserts and deletes one each, updates row by row.
create function capture_attach(p_table regclass, p_layer text, p_geom text, p_id text) returns void
language plpgsql as $$
declare v_name text := (select relname from pg_class where oid = p_table);
begin
    execute format('create trigger %I after insert on %s referencing new table as new_table for each statement execute function capture_changes(%L, %L, %L)',
                   v_name || '_capture_insert', p_table, p_layer, p_geom, p_id);
    execute format('create trigger %I after delete on %s referencing old table as old_table for each statement execute function capture_changes(%L, %L, %L)',
                   v_name || '_capture_delete', p_table, p_layer, p_geom, p_id);
    execute format('create trigger %I after update on %s for each row execute function capture_change(%L, %L, %L)',
                   v_name || '_capture', p_table, p_layer, p_geom, p_id);
end
$$;

select capture_attach('territory_unit', 'territory_unit', 'boundary', 'id');
select capture_attach('building', 'buildings', 'footprint', 'id');
select capture_attach('hazard', 'hazards', 'location', 'id');
select capture_attach('incident', 'incidents', 'location', 'id');
select capture_attach('patrol_route', 'routes', 'path', 'id');
select capture_attach('finding', 'findings', 'geom', 'id');

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
