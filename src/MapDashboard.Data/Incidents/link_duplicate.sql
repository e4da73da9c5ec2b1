-- A repeat report counts on the open incident (the live feed shows the count)
-- and is kept in its history; no second incident is created.
with bumped as (
    update incident set report_count = report_count + 1, updated_at = now()
    where id = @id
    returning id, stage
)
insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, kind)
select id, stage, stage, @actor, 'reported_again', jsonb_build_object('source', @source::text), coalesce(@note, ''), 'duplicate' from bumped;
