-- The unresolved dead letters, newest failure first, for admins (GET /api/health/dead-letters).
select id, chore, unit_key as unitKey, error, attempts, first_failed_at as firstFailedAt, last_failed_at as lastFailedAt
from background_dead_letter
where resolved_at is null
order by last_failed_at desc
limit @limit;
