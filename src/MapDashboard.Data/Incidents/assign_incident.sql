-- Who has the incident now: a person (worker_id) or a co-building unit (organisation_id), never both.
update incident set worker_id = @workerId, organisation_id = @organisationId, updated_at = now() where code = @code;
