-- Records the incident that follows the finding up and hands the finding to the
-- owner the case was dispatched to. The history trigger records who and why.
update finding set case_incident_code = @incident, updated_at = now(),
       status = case when status = 'new' then 'assigned' else status end,
       assignee = coalesce(@assignee, assignee)
where id = @id;
