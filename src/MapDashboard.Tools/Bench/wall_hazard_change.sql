-- One live change for the wall benchmark: an existing hazard's severity moves on (streamed like any edit,
-- without the finding recomputation a new hazard costs).
update hazard set severity = (array['low', 'medium', 'high', 'critical'])[1 + @step % 4] where id = @id
