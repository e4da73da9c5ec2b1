-- One finding with its plain-words explanation and its history, whatever its status.
select (finding_feature(f.id) || jsonb_build_object('history', coalesce((
           select jsonb_agg(jsonb_build_object('from', h.from_status, 'to', h.to_status, 'actor', h.actor,
                                               'event', h.event, 'params', h.params, 'note', h.note, 'at', h.at) order by h.at, h.id)
           from finding_history h where h.finding_id = f.id), '[]')))::text
from finding f where f.id = @id
