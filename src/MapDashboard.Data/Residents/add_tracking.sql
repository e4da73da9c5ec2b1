-- A tracking link for the incident a resident's report created (or was linked to).
insert into incident_tracking (token_sha256, incident_id) values (@hash, @incidentId);
