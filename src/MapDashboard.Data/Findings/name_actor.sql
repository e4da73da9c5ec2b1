-- Who acts, what happened (an event code and its parameters, worded by the client) and why (a note a person
-- typed), for the history trigger (finding_record_history), for this transaction only.
select set_config('mapdashboard.actor', @actor, true), set_config('mapdashboard.note', @note, true),
       set_config('mapdashboard.event', coalesce(@event::text, ''), true),
       set_config('mapdashboard.params', coalesce(@params::text, ''), true)
