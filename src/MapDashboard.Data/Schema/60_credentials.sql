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

-- Every node keeps the credentials it has read in memory (CredentialCache) only while it hears of every change to
-- them: any update or delete of an account, a device or a token (a revocation, a sign-out, a new security stamp, an
-- edit made with psql) notifies all nodes, which empty their caches. New rows need no notice: nothing kept can
-- depend on a row that did not exist. One notice per statement, delivered at commit.
create function notify_credential_changed() returns trigger
language plpgsql set jit = off as $$
begin
    perform pg_notify('credential_changed', '');
    return null;
end $$;

create trigger account_credential_changed after update or delete or truncate on account
    for each statement execute function notify_credential_changed();
create trigger device_credential_changed after update or delete or truncate on device
    for each statement execute function notify_credential_changed();
create trigger access_token_credential_changed after update or delete or truncate on access_token
    for each statement execute function notify_credential_changed();
