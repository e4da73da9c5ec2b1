-- A field device for a worker account (the account must be a live worker's); its id, or no row.
insert into device (account_id, name)
select a.id, @name
from account a
where lower(a.user_name) = lower(@user_name) and a.role = 'worker' and a.revoked_at is null
returning id, account_id;
