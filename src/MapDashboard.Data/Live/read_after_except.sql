-- A page of the change log after a position, oldest first, without one layer's rows: a replay reads the workers'
-- positions apart (latest_of_layer.sql), since at 1 Hz they are most of the log and only the newest of each counts.
select seq, layer, feature_id, op, feature::text, geom, old_geom
from change_log
where seq > @after and seq <= @through and layer <> @layer
order by seq
limit @limit;
