-- The account a sign-in names, locked for the rest of the transaction: two wrong passwords racing each other must
-- both be counted. Revoked accounts are not found (a revoked account signs in as an unknown one).
select a.id, a.user_name, a.display_name, a.role, u.code, u.name, a.password_hash, a.failed_attempts, a.locked_until
from account a
join territory_unit u on u.id = a.unit_id
where lower(a.user_name) = lower(@user_name) and a.revoked_at is null
for update of a;
