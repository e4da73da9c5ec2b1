-- Every authenticated request (bearer token, session cookie, device): the credential by the SHA-256 of its token
-- (one probe of the primary key), if it still signs someone in (the view live_credential, Schema/60_credentials.sql),
-- with the unit and person of its account. A revocation on any node counts from the very next request.
select c.account_id, c.user_name, c.display_name, c.role, u.id, u.code, u.name, c.person_id, p.code, c.device_id, c.kind, c.expires_at
from live_credential c
join territory_unit u on u.id = c.unit_id
left join person p on p.id = c.person_id
where c.token_hash = @token_hash and c.kind = any(@kinds);
