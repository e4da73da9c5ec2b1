-- The desk links a report to the incident it repeats: the copy closes pointing at the original, whose report count
-- takes the copy's reports; each keeps a history line naming the other (events linked_as_duplicate, duplicate_linked).
with closed as (
    update incident
    set stage = 'closed', stage_due_at = null, stage_entered_at = @now, closed_at = @now, updated_at = @now,
        duplicate_of_id = @originalId
    where id = @id
    returning id
), copy_line as (
    insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, at, kind)
    select id, @stage, 'closed', @actor, 'linked_as_duplicate', jsonb_build_object('of', @original::text), coalesce(@note, ''), @now, 'duplicate'
    from closed
), bumped as (
    update incident set report_count = report_count + @reports, updated_at = @now
    where id = @originalId
    returning id, stage
)
insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, at, kind)
select id, stage, stage, @actor, 'duplicate_linked', jsonb_build_object('incident', @code::text, 'reports', @reports), '', @now, 'duplicate'
from bumped;
