update patrol_route
set name = @name, path = @path, grid_id = @grid_id, worker_id = @worker_id,
    planned_for = @planned_for, updated_at = now()
where id = @id
returning id
