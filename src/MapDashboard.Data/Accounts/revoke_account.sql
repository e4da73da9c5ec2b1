-- An admin revokes an account: it can no longer sign in, and every credential of it (sessions, tokens, its devices')
-- is refused from the next request; the stamp changes too, so nothing issued before counts even if revoked_at is
-- cleared again by hand.
with revoked as (
    update account
    set revoked_at = coalesce(revoked_at, now()), security_stamp = gen_random_uuid()
    where lower(user_name) = lower(@user_name)
    returning id
), tokens as (
    update access_token set revoked_at = now()
    where account_id in (select id from revoked) and revoked_at is null
)
select id from revoked;
