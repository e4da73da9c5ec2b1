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

-- When the route was given to its worker in its present shape: planned vs walked counts only walking after it
-- (a stop ticked at 13:19 is no proof of following a route saved at 14:38). Set on a save that assigns a worker,
-- changes the worker or redraws the line — from the API, psql or QGIS alike; a rename or a new note keeps it.
create function patrol_route_assignment() returns trigger
language plpgsql as $$
begin
    if new.worker_id is null then
        new.assigned_at := null;
    elsif tg_op = 'INSERT' then
        new.assigned_at := coalesce(new.assigned_at, now());
    elsif new.worker_id is distinct from old.worker_id or not ST_Equals(new.path, old.path) then
        new.assigned_at := now();
    end if;
    return new;
end $$;

create trigger patrol_route_assignment before insert or update of worker_id, path on patrol_route
    for each row execute function patrol_route_assignment();
