-- One live change for the wall benchmark: existing hazards' severity moves on (streamed like any edit,
-- without the finding recomputation a new hazard costs). Several hazards a statement at high rates (WallLoad).
update hazard set severity = (array['low', 'medium', 'high', 'critical'])[1 + @step % 4] where id = any(@ids)
