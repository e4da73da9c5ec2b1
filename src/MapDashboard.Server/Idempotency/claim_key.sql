-- Claim a key for a request: a new key, or a claim left unanswered for longer than @stale_seconds (its request died
-- with a node), is taken and true returned; otherwise no row, and the caller reads what the key holds.
insert into idempotent_request as r (account_id, key, request)
values (@account, @key, @request)
on conflict (account_id, key) do update set request = excluded.request, claimed_at = now()
    where r.status is null and r.claimed_at < now() - make_interval(secs => @stale_seconds)
returning true
