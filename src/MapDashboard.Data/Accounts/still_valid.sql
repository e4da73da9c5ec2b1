-- Of the tokens behind open hub connections, those that still sign someone in (same rules as validate_token.sql):
-- the rest were revoked on another node, by psql, or expired, and their connections are closed.
select t.token_hash
from access_token t
join account a on a.id = t.account_id
left join device d on d.id = t.device_id
where t.token_hash = any(@token_hashes)
  and t.revoked_at is null
  and t.expires_at > now()
  and a.revoked_at is null
  and (t.device_id is null or d.revoked_at is null)
  and (t.kind = 'device' or t.security_stamp = a.security_stamp);
