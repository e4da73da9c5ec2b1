-- Two edits committing at once both rebuilt today's row of the daily series
-- (delete, then insert) and the second failed on the primary key: two users
-- reporting hazards at the same moment must both succeed. Refreshes now take
-- turns; each statement of this volatile function sees what the previous
-- refresher committed, so the last one writes the complete day.
create or replace function refresh_finding_daily() returns void
language sql as $$
    select pg_advisory_xact_lock(1296123460); -- 'MAFD'
    delete from finding_daily where day = current_date;
    insert into finding_daily (day, unit_id, kind, finding_count, area_m2)
    select current_date, u.unit_id, f.kind, count(*), coalesce(sum(f.area_m2), 0)
    from finding f
    cross join lateral (values (f.community_id), (f.street_id)) u(unit_id)
    where f.present and f.status in ('new', 'assigned') and u.unit_id is not null
    group by u.unit_id, f.kind;
$$;
