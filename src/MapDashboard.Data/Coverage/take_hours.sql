-- Takes up to @batch queued worker-hours for this transaction, with the settings the tracks are cut by.
-- Keys, not rows: a transaction-scoped advisory lock per worker-hour keeps concurrent drains (two server nodes, a
-- read folding in new pings while the chore runs) disjoint; a key another drain holds is skipped. The delete
-- removes the rows this statement sees; a ping committed later leaves its own row behind, so its hour is
-- recomputed again by the next drain. The hour comes as epoch seconds: a double can carry any stored value
-- (even -infinity from before the door checked times), so reading the key can never be what fails, and a
-- failing hour can always be named and set aside. Hours that are over come first, newest first (migration 0038
-- says why), then the hour being walked and the one before (each a short index scan, their union sorted): taken
-- newest first with the rest, the hours still being walked, made dirty again by every batch of pings, were taken
-- again and again and starved a backlog behind them. The batch is then worked in worker order.
with keys as (
    select k.worker_id, k.hour_start
    from (select worker_id, hour_start from (
              (select distinct worker_id, hour_start, 0 as tier from patrol_coverage_dirty
               where hour_start < date_trunc('hour', now()) - interval '1 hour'
               order by hour_start desc, worker_id desc limit @batch * 2)
              union all
              (select distinct worker_id, hour_start, 1 from patrol_coverage_dirty
               where hour_start >= date_trunc('hour', now()) - interval '1 hour'
               order by hour_start desc, worker_id desc limit @batch * 2)) tiers
          order by tier, hour_start desc, worker_id desc limit @batch * 2) k
    where pg_try_advisory_xact_lock(1347572803, hashtext(k.worker_id::text || '@' || date_part('epoch', k.hour_start)::text)) -- 'PCOV'
    limit @batch),
taken as (
    delete from patrol_coverage_dirty x using keys k
    where x.worker_id = k.worker_id and x.hour_start = k.hour_start
    returning x.worker_id, x.hour_start)
select distinct t.worker_id, date_part('epoch', t.hour_start) as hour_epoch, s.track_gap_seconds, s.track_max_speed_mps
from taken t, patrol_coverage_setting s
order by t.worker_id, hour_epoch;
