-- The desk pushes an incident one level up before its time ran out (小事不出网格，大事不出社区): the next level's unit
-- answers for it, with the stage's due time unchanged. Unlike the overdue sweep (apply_escalation.sql) it does not
-- mark the incident overdue: nothing was late.
with escalated as (
    update incident
    set escalation_level = @level,
        responsible_unit_id = case @level when 1 then coalesce(community_id, street_id)
                                          else coalesce(street_id, responsible_unit_id) end,
        updated_at = @now
    where id = @id
    returning id, stage
)
insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note, at, kind)
select id, stage, stage, @actor, 'escalated_by_hand', @params::jsonb, coalesce(@note, ''), @now, 'escalation' from escalated;
