-- Kept answers older than @keep (since they were answered), and claims never answered that old (their request died
-- with a node): a phone stopped resending those keys long ago. The count deleted.
delete from idempotent_request
where coalesce(answered_at, claimed_at) < now() - @keep
