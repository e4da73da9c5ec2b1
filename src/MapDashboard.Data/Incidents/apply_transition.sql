-- One workflow step: the new stage with its own due time, and the history entry (an event code with its
-- parameters when the system says what happened, e.g. rated; a note only when a person typed one).
with moved as (
    update incident
    set stage = @to, stage_due_at = @dueAt, stage_entered_at = @now, updated_at = @now,
        rating = case when @rating::smallint is not null then @rating::smallint else rating end,
        closed_at = case when @to = 'closed' then @now end
    where id = @id
    returning id
)
insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, at)
select id, @from, @to, @actor, @event, coalesce(@params::jsonb, '{}'), coalesce(@note, ''), @now from moved;
