-- Findings still to act on, as the live layer shows them: the whole finding (finding_feature; few, so per row).
select f.id, f.geom, f.first_seen_at as at,
       finding_feature(f.id) -> 'properties' as properties
from finding f
where f.present and f.status in ('new', 'assigned')
