-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: the history of every status change, whoever makes it.

-- Every status change is written to the history by one trigger, whoever makes
-- it (the API, a recomputation, psql). The API names the actor and note with
-- set local mapdashboard.actor / mapdashboard.note.
create function finding_record_history() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.present = old.present then
        return null;
    end if;
    insert into finding_history (finding_id, from_status, to_status, actor, note)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status,
            coalesce(nullif(current_setting('mapdashboard.actor', true), ''), 'recomputation'),
            coalesce(nullif(current_setting('mapdashboard.note', true), ''),
                     case when tg_op = 'INSERT' then 'detected'
                          when not new.present then 'no longer detected'
                          when not old.present then 'detected again'
                          else '' end));
    return null;
end
$$;

create trigger finding_history_capture after insert or update on finding
    for each row execute function finding_record_history();
