-- A stored photo for serving: what to send, and the incident whose viewers may see it.
select p.id as "Id", p.content_type as "ContentType", i.code as "IncidentCode"
from incident_photo p join incident i on i.id = p.incident_id
where p.id = @id;
