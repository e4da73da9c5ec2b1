-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- The live map's features.

-- The feature a map shows for one row of a layer, as GeoJSON: one place, so the live feed and the GeoJSON
-- endpoints agree on properties. Each branch builds the properties its layer's declaration names
-- (src/MapDashboard.Server/Layers/NAME/; LayerDeclarationTests holds this text to it), which also marks the
-- personal data among them (a worker's name) and the unit it belongs to (a worker's unit) for the permission
-- rule, which masks it per viewer on the way out; never reporter contact. PL/pgSQL, one statement
-- per layer, each planned once per session: as a SQL function whose body was a CASE over every layer it was
-- neither inlined nor plan-cached, and each call planned every branch again (2–6 ms for a lookup that takes
-- 0.05 ms once planned), under the change log's ordering lock.
-- Buildings as GeoJSON, a set: an import captures 51,000 at once (live_features), one query rather than a call of
-- live_feature each (~0.08 ms a building).
create function building_features(p_ids bigint[]) returns table (id bigint, feature jsonb)
language sql stable as $$
    select b.id, jsonb_build_object('type', 'Feature', 'id', b.id, 'geometry', ST_AsGeoJSON(b.footprint, 7)::jsonb,
               'properties', jsonb_build_object('code', b.code, 'name', b.name, 'households', b.households,
                   'residents', b.residents, 'owner', coalesce(o.name, ''), 'manager', coalesce(m.name, ''),
                   'ownerless', b.owner_id is null,
                   'disputed', (select count(*) from ownership_claim c where c.asset_kind = 'building' and c.asset_id = b.id) > 1))
    from building b
    left join organisation o on o.id = b.owner_id
    left join organisation m on m.id = b.property_manager_id
    where b.id = any(p_ids)
$$;

-- The features of many rows of a layer, for the capture of a statement's rows (51_live_capture.sql): findings and
-- buildings as one query, the other layers row by row through live_feature. A row without a feature (a finding
-- gone, resolved or accepted: the feed sends a delete) has a null one.
create function live_features(p_layer text, p_ids bigint[]) returns table (id bigint, feature jsonb)
language plpgsql stable as $$
begin
    -- The features as the set function gives them, then the ids without a row (deleted since), each once. Joined
    -- to unnest(p_ids) instead, the join hashed or sorted the features themselves: an import's 102,000 finding
    -- features, 140 MB, spilled to disk in 32 batches (4.3 s of the findings' 11 s capture under auto_explain).
    if p_layer = 'findings' then
        -- A finding that is gone, resolved or accepted is not shown. Its row joined inside (no outer join), so the
        -- feature is built once, at the top, for the shown ones only.
        return query select f.id, case when f.present and f.status in ('new', 'assigned') then ff.feature end
                     from finding_features(p_ids) ff join finding f on f.id = ff.id
                     union all
                     select x.id, null from unnest(p_ids) x(id) where not exists (select from finding f where f.id = x.id);
    elsif p_layer = 'buildings' then
        return query select bf.id, bf.feature from building_features(p_ids) bf
                     union all
                     select x.id, null from unnest(p_ids) x(id) where not exists (select from building b where b.id = x.id);
    else
        return query select x.id, live_feature(p_layer, x.id) from unnest(p_ids) x(id);
    end if;
end
$$;

create function live_feature(p_layer text, p_id bigint) returns jsonb
language plpgsql stable as $$
begin
    case p_layer
    when 'workers' then
        return (select jsonb_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(wp.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', p.code, 'name', p.name,
                        'unit', (select code from territory_unit where id = p.unit_id),
                        'recordedAt', wp.recorded_at, 'accuracy', wp.accuracy_m))
                from worker_position wp join person p on p.id = wp.worker_id
                where wp.worker_id = p_id);
    when 'hazards' then
        return (select jsonb_build_object('type', 'Feature', 'id', h.id, 'geometry', ST_AsGeoJSON(h.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', h.code, 'category', h.category_code, 'severity', h.severity,
                        'status', h.status, 'ownerless', h.owner_id is null))
                from hazard h where h.id = p_id);
    when 'incidents' then
        -- Never personal data (reporter contact, photo): the wall display receives this.
        return (select jsonb_build_object('type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(i.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', i.code, 'category', i.category_code, 'stage', i.stage,
                        'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'overdue', incident_overdue(i),
                        'escalation', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
                        'responsibleUnit', (select code from territory_unit where id = i.responsible_unit_id),
                        'ownershipUnclear', i.ownership_unclear, 'reports', i.report_count,
                        -- Where and since when, for the wall's feed of reports and stage changes (a replay
                        -- after a reconnect arrives late: the stage's own time, not the arrival, is the event's).
                        -- The grid a reader knows by name: a micro-grid's parent (micro-grids have codes only).
                        'grid', (select case when g.kind = 'micro_grid' then p.code else g.code end
                                 from territory_unit g left join territory_unit p on p.id = g.parent_id
                                 where g.id = i.grid_id),
                        'stageEnteredAt', i.stage_entered_at))
                from incident i where i.id = p_id);
    when 'grids' then
        return (select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
                    'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind, 'status', t.status,
                                                   'reasons', t.status_reasons))
                from territory_unit t where t.id = p_id);
    when 'territory' then
        return (select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
                    'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind))
                from territory_unit t where t.id = p_id);
    when 'buildings' then
        return (select feature from building_features(array[p_id]));
    when 'routes' then
        return route_feature(p_id);
    when 'findings' then
        -- A finding that is gone, resolved or accepted is not shown: null, which the feed sends as a delete.
        return (select feature from live_features('findings', array[p_id]));
    else
        return null;
    end case;
end
$$;
