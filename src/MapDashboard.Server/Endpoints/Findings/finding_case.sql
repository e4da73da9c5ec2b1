-- Opens a finding as a case: records the incident that follows it up and
-- dispatches it to its default owner (属地兜底) when nobody has it yet.
update finding f set case_incident_code = @incident, updated_at = now(),
       status = case when f.status = 'new' then 'assigned' else f.status end,
       assignee = coalesce(f.assignee, (select code from territory_unit where id = f.default_owner_id))
where f.id = @id
returning f.id
