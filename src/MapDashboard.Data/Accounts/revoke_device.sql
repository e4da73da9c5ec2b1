-- An admin revokes a device: its credential is refused from the next request.
with revoked as (
    update device set revoked_at = coalesce(revoked_at, now()) where id = @id returning id
), tokens as (
    update access_token set revoked_at = now() where device_id in (select id from revoked) and revoked_at is null
)
select id from revoked;
