-- The incident a tracking token's hash names, or no row.
select i.code from incident_tracking t join incident i on i.id = t.incident_id where t.token_sha256 = @hash;
