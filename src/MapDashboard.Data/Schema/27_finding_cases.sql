-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- A finding opened as a case becomes an incident of its own category (ownership_unclear), routed to the
-- finding's default owner and followed through the ordinary incident workflow; when that incident closes,
-- the finding is resolved.

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
