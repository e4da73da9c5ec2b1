-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- A finding opened as a case becomes an incident of its own category (ownership_unclear), routed to the
-- finding's default owner and followed through the ordinary incident workflow. Closing that incident is not
-- a resolution: the finding is resolved only when the land or asset is no longer detected.

-- Detects again, now, what one finding stands for: the subjects it was derived from ('parent:ID', 'unit:ID',
-- 'police:ID', 'building:ID', 'hazard:ID') are recomputed as an edit of them would be. A finding that is gone
-- becomes resolved ("no longer detected"); one still there keeps its identity and status.
create function recheck_finding(p_id bigint) returns void
language sql as $$
    select recompute_findings(
        array(select split_part(s, ':', 2)::int from unnest(f.subject) s where s like 'parent:%'),
        array(select split_part(s, ':', 2)::int from unnest(f.subject) s where s like 'unit:%'),
        array(select split_part(s, ':', 2)::int from unnest(f.subject) s where s like 'police:%'),
        array(select split_part(s, ':', 2)::int from unnest(f.subject) s where s like 'building:%'),
        array(select split_part(s, ':', 2)::int from unnest(f.subject) s where s like 'hazard:%'))
    from finding f where f.id = p_id
$$;

-- Closing the case re-checks the geometry, whoever closes it (API, Open311, psql). If the gap, overlap or
-- ownerless asset is still detected, the finding goes back to the status it had before the case (new, or
-- assigned when it was already handed on), so the map keeps showing it and a new case can be opened; if it is
-- gone, the re-check has resolved it. Either way the finding no longer points at the closed case, and its
-- history records the closing (case_closed, with the incident and whether the finding is still there).
create function finding_case_closed() returns trigger
language plpgsql as $$
declare
    f record;
begin
    for f in select id from finding where case_incident_code = new.code order by id loop
        perform set_config('mapdashboard.actor', '', true);
        perform set_config('mapdashboard.event', '', true);
        perform set_config('mapdashboard.note', '', true);
        perform recheck_finding(f.id);
    end loop;
    -- One finding at a time: the history trigger reads the parameters when the row's statement ends.
    for f in select x.id, x.present, x.status,
                    coalesce((select h.from_status from finding_history h
                              where h.finding_id = x.id and h.event = 'case_opened' and h.params ->> 'incident' = new.code
                                and h.from_status in ('new', 'assigned')
                              order by h.id desc limit 1), 'new') as before
             from finding x where x.case_incident_code = new.code order by x.id loop
        perform set_config('mapdashboard.actor', 'system:case', true);
        perform set_config('mapdashboard.event', 'case_closed', true);
        perform set_config('mapdashboard.params', jsonb_build_object('incident', new.code, 'stillDetected', f.present)::text, true);
        update finding
        set case_incident_code = null, updated_at = now(),
            status = case when f.present and f.status in ('new', 'assigned', 'resolved') then f.before else f.status end
        where id = f.id;
    end loop;
    perform set_config('mapdashboard.actor', '', true);
    perform set_config('mapdashboard.event', '', true);
    perform set_config('mapdashboard.params', '', true);
    return null;
end
$$;

create trigger incident_closes_finding after update of stage on incident
    for each row when (new.stage = 'closed' and old.stage is distinct from 'closed')
    execute function finding_case_closed();
