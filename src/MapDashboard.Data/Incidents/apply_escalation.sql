-- Moves an overdue incident to the next level's unit (community, else street)
-- with a fresh due time, marks it overdue for good, and records why.
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
insert into incident_transition (incident_id, from_stage, to_stage, actor, note, at, kind)
select id, stage, stage, 'system:escalation', @note, @now, 'escalation' from escalated;
