-- Every authenticated request (bearer token, session cookie, device): the credential by the SHA-256 of its token
-- (one probe of the primary key) with the account, unit and person it signs in. Nothing is found when the token
-- expired or was revoked, its account or device was revoked, or a personal token's security stamp is no longer the
-- account's (signed out everywhere): so a revocation takes effect on the very next request, on every node.
select a.id, a.user_name, a.display_name, a.role, u.id, u.code, u.name, a.person_id, p.code, t.device_id, t.kind, t.expires_at
from access_token t
join account a on a.id = t.account_id
join territory_unit u on u.id = a.unit_id
left join person p on p.id = a.person_id
left join device d on d.id = t.device_id
where t.token_hash = @token_hash
  and t.kind = any(@kinds)
  and t.revoked_at is null
  and t.expires_at > now()
  and a.revoked_at is null
  and (t.device_id is null or d.revoked_at is null)
  and (t.kind = 'device' or t.security_stamp = a.security_stamp);
