-- A finding opened as a case becomes an incident of its own category, routed to
-- the finding's default owner (属地兜底) and followed through the ordinary
-- incident workflow; when that incident closes, the finding is resolved.

-- Every district needs this category, whatever its categories.json says, so it
-- is part of the schema rather than of the data (the loader updates it if the
-- data names it too).
insert into category (code, name_zh, name_en, for_hazards, for_incidents, sort_order)
values ('ownership_unclear', '权属不清', 'Unclear ownership', false, true, 100)
on conflict (code) do nothing;

-- Settling who owns a strip of land or a wall means talks between units: a day
-- to dispatch, two to accept, a month to resolve.
insert into category_time_limit (category_code, to_dispatch, to_accept, to_resolve)
values ('ownership_unclear', '1 day', '2 days', '30 days')
on conflict (category_code) do nothing;

alter table incident drop constraint incident_source_check;
alter table incident add constraint incident_source_check
    check (source in ('api', 'open311', 'patrol', 'demo', 'finding'));

-- Closing the case resolves the finding, whoever closes it (API, Open311, psql).
-- If the land or asset is still detected at the next recomputation, the
-- recomputation reopens it ("the fix did not hold").
create function resolve_finding_of_closed_case() returns trigger
language plpgsql as $$
begin
    perform set_config('mapdashboard.actor', 'incident workflow', true);
    perform set_config('mapdashboard.note', 'case ' || new.code || ' closed', true);
    update finding set status = 'resolved', updated_at = now()
    where case_incident_code = new.code and status in ('new', 'assigned');
    perform set_config('mapdashboard.actor', '', true);
    perform set_config('mapdashboard.note', '', true);
    return null;
end
$$;
create trigger incident_closes_finding after update of stage on incident
    for each row when (new.stage = 'closed' and old.stage is distinct from 'closed')
    execute function resolve_finding_of_closed_case();
create index finding_case_incident_idx on finding (case_incident_code) where case_incident_code is not null;
