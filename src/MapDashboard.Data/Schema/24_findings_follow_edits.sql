-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings kept current in the edit's own transaction: statement triggers with transition tables on
-- territory_unit, building, hazard and ownership_claim recompute only what the edit can affect. Triggers, not
-- the change feed, so that an edit from psql, QGIS or ogr2ogr is covered like one from the API, findings are
-- never stale after a commit, and a dry run is the same transaction rolled back.

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

-- PostgreSQL allows transition tables only on single-event triggers: three per table.
create trigger territory_findings_insert after insert on territory_unit referencing new table as new_table
    for each statement execute function territory_refresh_findings();
create trigger territory_findings_update after update on territory_unit referencing old table as old_table new table as new_table
    for each statement execute function territory_refresh_findings();
create trigger territory_findings_delete after delete on territory_unit referencing old table as old_table
    for each statement execute function territory_refresh_findings();

create trigger building_findings_insert after insert on building referencing new table as new_table
    for each statement execute function asset_refresh_findings('building', 'footprint', 'owner_id', 'property_manager_id', 'code', 'name');
create trigger building_findings_update after update on building referencing old table as old_table new table as new_table
    for each statement execute function asset_refresh_findings('building', 'footprint', 'owner_id', 'property_manager_id', 'code', 'name');
create trigger building_findings_delete after delete on building referencing old table as old_table
    for each statement execute function asset_refresh_findings('building', 'footprint', 'owner_id', 'property_manager_id', 'code', 'name');

create trigger hazard_findings_insert after insert on hazard referencing new table as new_table
    for each statement execute function asset_refresh_findings('hazard', 'location', 'owner_id', 'code', 'category_code');
create trigger hazard_findings_update after update on hazard referencing old table as old_table new table as new_table
    for each statement execute function asset_refresh_findings('hazard', 'location', 'owner_id', 'code', 'category_code');
create trigger hazard_findings_delete after delete on hazard referencing old table as old_table
    for each statement execute function asset_refresh_findings('hazard', 'location', 'owner_id', 'code', 'category_code');

create trigger claim_findings_insert after insert on ownership_claim referencing new table as new_table
    for each statement execute function claim_refresh_findings();
create trigger claim_findings_update after update on ownership_claim referencing old table as old_table new table as new_table
    for each statement execute function claim_refresh_findings();
create trigger claim_findings_delete after delete on ownership_claim referencing old table as old_table
    for each statement execute function claim_refresh_findings();
