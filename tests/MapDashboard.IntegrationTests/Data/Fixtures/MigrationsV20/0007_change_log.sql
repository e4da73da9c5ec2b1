-- Every change to a live table is captured here by a trigger, in the same
-- transaction as the change, so an edit made with psql, ogr2ogr or QGIS
-- reaches the wall display exactly like one made through the API. The log is
-- the replay buffer: a client that reconnects asks for everything after the
-- last seq it applied. NOTIFY only wakes the server nodes; it carries nothing.
create table change_log (
    seq          bigint primary key,
    layer        text not null,
    feature_id   bigint not null,
    op           text not null check (op in ('upsert', 'delete')),
    -- The feature as GeoJSON (EPSG:4326) as the map shows it; null for a delete.
    feature      jsonb,
    -- Where the feature is now and where it was: a client watching an area gets
    -- a delete when a feature moves out of it.
    geom         geometry(Geometry, 4326),
    old_geom     geometry(Geometry, 4326),
    committed_at timestamptz not null default clock_timestamp()
);
create sequence change_log_seq owned by change_log.seq;
create index change_log_committed_at_idx on change_log (committed_at);

-- How far retention has pruned the log: a client asking to replay from below
-- this is told to reload its snapshot (resync).
create table change_log_horizon (
    singleton     boolean primary key default true check (singleton),
    pruned_through bigint not null default 0
);
insert into change_log_horizon default values;

-- The feature a map shows for one row of a layer, as GeoJSON. One place, so the
-- live feed and (later) GeoJSON endpoints agree on properties. No personal data:
-- the wall display receives these.
create function live_feature(p_layer text, p_id bigint) returns jsonb
language sql stable as $$
    select case p_layer
    when 'grids' then (
        select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
            'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind, 'status', t.status))
        from territory_unit t where t.id = p_id)
    when 'territory' then (
        select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
            'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind))
        from territory_unit t where t.id = p_id)
    when 'buildings' then (
        select jsonb_build_object('type', 'Feature', 'id', b.id, 'geometry', ST_AsGeoJSON(b.footprint, 7)::jsonb,
            'properties', jsonb_build_object('code', b.code, 'name', b.name, 'households', b.households,
                'residents', b.residents, 'owner', coalesce(o.name, ''), 'manager', coalesce(m.name, ''),
                'ownerless', b.owner_id is null,
                'disputed', (select count(*) from ownership_claim c where c.asset_kind = 'building' and c.asset_id = b.id) > 1))
        from building b
        left join organisation o on o.id = b.owner_id
        left join organisation m on m.id = b.property_manager_id
        where b.id = p_id)
    when 'hazards' then (
        select jsonb_build_object('type', 'Feature', 'id', h.id, 'geometry', ST_AsGeoJSON(h.location, 7)::jsonb,
            'properties', jsonb_build_object('code', h.code, 'category', h.category_code, 'severity', h.severity,
                'status', h.status, 'ownerless', h.owner_id is null))
        from hazard h where h.id = p_id)
    when 'incidents' then (
        select jsonb_build_object('type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(i.location, 7)::jsonb,
            'properties', jsonb_build_object('code', i.code, 'category', i.category_code, 'stage', i.stage,
                'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'ownershipUnclear', i.ownership_unclear))
        from incident i where i.id = p_id)
    when 'routes' then (
        select jsonb_build_object('type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.path, 7)::jsonb,
            'properties', jsonb_build_object('name', r.name, 'plannedFor', r.planned_for,
                'grid', (select code from territory_unit where id = r.grid_id),
                'worker', (select code from person where id = r.worker_id)))
        from patrol_route r where r.id = p_id)
    when 'workers' then (
        -- A worker's feature is their latest trusted position.
        select jsonb_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(ping.location, 7)::jsonb,
            'properties', jsonb_build_object('code', p.code, 'name', p.name, 'recordedAt', ping.recorded_at,
                'accuracy', ping.accuracy_m))
        from person p
        cross join lateral (select location, recorded_at, accuracy_m from patrol_ping
                            where worker_id = p.id and flag is null order by recorded_at desc limit 1) ping
        where p.id = p_id)
    end
$$;

-- One trigger function for every live table. Arguments: the layer (or
-- 'territory_unit', resolved per row to grids / territory), the geometry
-- column, and the id column.
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
            -- to_jsonb renders a geometry as GeoJSON (PostGIS 3 casts), with its crs.
            ST_SetSRID(ST_GeomFromGeoJSON(v_old -> tg_argv[1]), 4326));
    -- An empty payload: PostgreSQL folds identical notifications of one transaction into one.
    perform pg_notify('map_changes', '');
    return null;
end
$$;

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
create trigger patrol_ping_capture after insert on patrol_ping
    for each row execute function capture_change('workers', 'location', 'worker_id');

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
