-- A new credential; a personal one (bearer, session) carries the account's current security stamp.
insert into access_token (token_hash, account_id, device_id, kind, security_stamp, expires_at)
select @token_hash, a.id, @device_id, @kind,
       case when @kind = 'device' then null else a.security_stamp end, now() + @lifetime
from account a
where a.id = @account_id and a.revoked_at is null
returning expires_at;
