-- The newest change of each feature of one layer in (after, through]: a worker's replayed position is its last one.
select distinct on (feature_id) seq, layer, feature_id, op, feature::text, geom, old_geom
from change_log
where seq > @after and seq <= @through and layer = @layer
order by feature_id, seq desc;
