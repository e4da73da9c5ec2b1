-- THE definition of a credential that still signs someone in (issue 14): not expired, not revoked; its account not
-- revoked; a device's credential only while the device is not revoked; a personal one (session, bearer) only while
-- it carries the account's current security stamp (a changed stamp signs the account out everywhere). Every
-- authenticated request reads one row of it by token_hash (the primary key of access_token), and the hub's recheck
-- reads the tokens of its open connections: both through this view, so the rule has one text.
create view live_credential as
select t.token_hash, t.kind, t.device_id, t.expires_at, a.id as account_id, a.user_name, a.display_name, a.role, a.unit_id, a.person_id
from access_token t
join account a on a.id = t.account_id
left join device d on d.id = t.device_id
where t.revoked_at is null
  and t.expires_at > now()
  and a.revoked_at is null
  and (t.device_id is null or d.revoked_at is null)
  and (t.kind = 'device' or t.security_stamp = a.security_stamp);
