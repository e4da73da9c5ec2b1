-- The patrol_route capture trigger streams the new route on the live 'routes' layer.
insert into patrol_route (name, path, grid_id, worker_id, planned_for)
values (@name, @path, @grid_id, @worker_id, @planned_for)
returning id
