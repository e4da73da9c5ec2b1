-- Units of background work that failed for a reason other than the database being away (a poisoned row, a
-- GEOS error on one geometry, a bug met by one input) are set aside here instead of being retried in a loop or
-- stopping the server: the chore logs them, removes them from its queue and carries on. One row per chore and
-- unit; a unit that fails again (new pings re-queued its hour) counts another attempt. Admins read them in
-- /api/health (status "degraded" while any is unresolved) and /api/health/dead-letters, fix the cause, and mark
-- them resolved (resolved_at) or re-queue the unit by hand.
create table background_dead_letter (
    id             bigint generated always as identity primary key,
    chore          text not null,
    unit_key       text not null,
    error          text not null,
    attempts       int not null default 1,
    first_failed_at timestamptz not null default now(),
    last_failed_at  timestamptz not null default now(),
    resolved_at    timestamptz,
    unique (chore, unit_key)
);
create index background_dead_letter_open_idx on background_dead_letter (last_failed_at desc) where resolved_at is null;

-- Pings dated before 2000 (0001-01-01 was stored as -infinity) were accepted before the door checked the time
-- window; they can be no patrol of this system's. Flag them so they are never a position, a track or coverage,
-- and drop the coverage work they queued (an hour or day at -infinity cannot be computed).
alter table patrol_ping drop constraint patrol_ping_flag_known;
alter table patrol_ping add constraint patrol_ping_flag_known
    check (flag is null or flag in ('poor_accuracy', 'impossible_speed', 'implausible_time'));
update patrol_ping set flag = 'implausible_time' where recorded_at < '2000-01-01T00:00:00Z' and flag is distinct from 'implausible_time';
delete from patrol_coverage_dirty where hour_start < '2000-01-01T00:00:00Z';
delete from patrol_grid_day_dirty where day < '2000-01-01';
