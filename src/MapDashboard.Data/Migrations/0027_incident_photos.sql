-- Photos of an incident (issue 15, "Photos"): one row per stored photo, the picture itself in the photo folder
-- (Photos:Folder), named by the row's id. Only what the server measured after cleaning is kept: no file name, no
-- EXIF, no device, no place (the re-encoding dropped them). The id is 128 random bits in hex, never derived from
-- anything a client sent, so it is both the file's name and a URL nobody can guess or walk.
create table incident_photo (
    id               text primary key check (id ~ '^[0-9a-f]{32}$'),
    incident_id      bigint not null references incident(id) on delete cascade,
    -- The step the photo belongs to: the report, or a workflow action (resolve: the "after" picture).
    action           text not null check (action in ('report', 'dispatch', 'accept', 'resolve', 'rate', 'close')),
    -- What is stored (a PNG stays PNG; JPEG and WebP are stored as JPEG), and what was uploaded, judged by its bytes.
    content_type     text not null check (content_type in ('image/jpeg', 'image/png')),
    uploaded_format  text not null check (uploaded_format in ('jpeg', 'png', 'webp')),
    bytes            int not null check (bytes > 0),
    width            int not null check (width > 0),
    height           int not null check (height > 0),
    -- The thumbnail (JPEG, longest side at most Photos:ThumbnailSize) beside it in the folder.
    thumbnail_bytes  int not null check (thumbnail_bytes > 0),
    thumbnail_width  int not null check (thumbnail_width > 0),
    thumbnail_height int not null check (thumbnail_height > 0),
    created_at       timestamptz not null default now(),
    -- The signed-in account's user name, or the Open311 key's name: who to ask about it, not shown in the API.
    created_by       text not null
);
-- The photos of one incident and action: listed with the incident, counted against the per-action limit.
create index incident_photo_incident_idx on incident_photo (incident_id, action, created_at);
