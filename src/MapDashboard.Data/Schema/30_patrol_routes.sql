-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Patrol routes the planners draw, save and assign.

-- A saved route as the planner's API and the live 'routes' layer show it: one
-- definition, so a route read back, saved, or streamed looks the same.
create function route_feature(p_id bigint) returns jsonb
language sql stable as $$
    select jsonb_build_object('type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.path, 7)::jsonb,
        'properties', jsonb_build_object(
            'name', r.name, 'plannedFor', r.planned_for,
            'grid', g.code, 'worker', w.code, 'workerName', w.name,
            'metres', round(ST_Length(r.path::geography)::numeric, 1)))
    from patrol_route r
    left join territory_unit g on g.id = r.grid_id
    left join person w on w.id = r.worker_id
    where r.id = p_id
$$;
