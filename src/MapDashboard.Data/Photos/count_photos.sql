-- How many photos an incident's action holds, for refusing an upload before its photos are cleaned (the insert
-- counts again under the incident's lock: lock_incident.sql).
select count(*)::int from incident_photo where incident_id = @id and action = @action;
