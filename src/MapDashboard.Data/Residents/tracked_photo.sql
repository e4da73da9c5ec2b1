-- Whether the tracking token's hash names the incident the photo belongs to, and the photo is one the tracking page
-- shows (the report's or the resolution's; tracking.sql).
select exists (
    select 1 from incident_tracking t join incident_photo p on p.incident_id = t.incident_id
    where t.token_sha256 = @hash and p.id = @photoId and p.action in ('report', 'resolve'));
