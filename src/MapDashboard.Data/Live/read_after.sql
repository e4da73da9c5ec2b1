-- A page of the change log after a position, oldest first. Writers take an
-- advisory lock from capture to commit, so seq order is commit order and a
-- page never skips a seq that commits later.
select seq, layer, feature_id, op, feature::text, geom, old_geom
from change_log
where seq > @after and seq <= @through
order by seq
limit @limit;
