-- Who acts and why, for the history trigger (finding_record_history), for this transaction only.
select set_config('mapdashboard.actor', @actor, true), set_config('mapdashboard.note', @note, true)
