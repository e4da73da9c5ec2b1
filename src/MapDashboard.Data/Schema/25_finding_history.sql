-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: the history of every status change, whoever makes it.

-- Every status change is written to the history by one trigger, whoever makes
-- it (the API, a recomputation, psql), and so is a case opened or closed on the
-- finding (case_incident_code set or cleared). The caller names the actor, the
-- event (a code the client words in the reader's language) with its parameters,
-- and a note a person typed, with set local mapdashboard.actor / .event /
-- .params / .note. A detection's own events are coded here: detected, no
-- longer detected, detected again. System actors are codes (system:…).
create function finding_record_history() returns trigger
language plpgsql as $$
declare
    v_event text := nullif(current_setting('mapdashboard.event', true), '');
begin
    if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.present = old.present
       and new.case_incident_code is not distinct from old.case_incident_code then
        return null;
    end if;
    insert into finding_history (finding_id, from_status, to_status, actor, event, params, note)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status,
            coalesce(nullif(current_setting('mapdashboard.actor', true), ''), 'system:recomputation'),
            coalesce(v_event,
                     case when tg_op = 'INSERT' then 'detected'
                          when not new.present and old.present then 'no_longer_detected'
                          when new.present and not old.present then 'detected_again' end),
            case when v_event is not null then coalesce(nullif(current_setting('mapdashboard.params', true), '')::jsonb, '{}') else '{}' end,
            coalesce(current_setting('mapdashboard.note', true), ''));
    return null;
end
$$;

-- Findings stored by one recomputation arrive by the hundred thousand (an import of 51,000 ownerless buildings):
-- their 'detected' rows are written in one statement from the transition table, as the row trigger would write them.
create function finding_record_detected() returns trigger
language plpgsql as $$
declare
    v_event text := nullif(current_setting('mapdashboard.event', true), '');
begin
    insert into finding_history (finding_id, from_status, to_status, actor, event, params, note)
    select n.id, null, n.status,
           coalesce(nullif(current_setting('mapdashboard.actor', true), ''), 'system:recomputation'),
           coalesce(v_event, 'detected'),
           case when v_event is not null then coalesce(nullif(current_setting('mapdashboard.params', true), '')::jsonb, '{}') else '{}' end,
           coalesce(current_setting('mapdashboard.note', true), '')
    from new_table n;
    return null;
end
$$;

create trigger finding_history_capture after update on finding
    for each row execute function finding_record_history();
create trigger finding_history_detected after insert on finding referencing new table as new_table
    for each statement execute function finding_record_detected();
