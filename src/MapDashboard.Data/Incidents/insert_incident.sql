-- A new incident, routed, with its first history entry (null → reported): what happened as an event code with
-- its parameters (worded by the client), a note only when a person typed one.
with created as (
    insert into incident (category_code, description, location, stage, source, grid_id, community_id, street_id,
                          responsible_unit_id, worker_id, escalation_level, ownership_unclear, ownership_reason,
                          reporter_contact, photo_url, stage_due_at, open311_token)
    values (@category, @description, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), 'reported', @source, @gridId, @communityId,
            @streetId, @responsibleId, @workerId, @level, @unclear, @reason, @contact, @photoUrl, @dueAt, @token)
    returning id, code
), history as (
    insert into incident_transition (incident_id, from_stage, to_stage, actor, event, params, note)
    select id, null, 'reported', @actor, @event, @params::jsonb, coalesce(@note, '') from created
)
select id, code from created;
