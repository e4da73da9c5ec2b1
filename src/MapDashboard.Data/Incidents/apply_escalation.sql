-- Moves an overdue incident to the next level's unit (community, else street)
-- with a fresh due time, marks it overdue for good, and records why (event escalated or overdue_at_top, with
-- the stage, its limit and the levels as parameters).
with escalated as (
    update incident
    set escalation_level = @level,
        responsible_unit_id = case @level when 1 then coalesce(community_id, street_id)
                                          when 2 then coalesce(street_id, responsible_unit_id)
                                          else responsible_unit_id end,
        stage_due_at = coalesce(@dueAt, stage_due_at),
        overdue_at = coalesce(overdue_at, @now),
        updated_at = @now
    where id = @id
    returning id, stage
)
insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, at, kind)
select id, stage, stage, 'system:escalation', @event, @params::jsonb, '', @now, 'escalation' from escalated;
