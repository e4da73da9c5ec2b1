-- What the schema folder last applied: each file's content hash, and the objects each file made then (its
-- functions, procedures, views and triggers, by identity), so that re-applying a file drops exactly what it
-- made, including objects the new text no longer defines.
create table if not exists schema_object_file (
    name       text primary key,
    sha256     text not null,
    applied_at timestamptz not null default now()
);
create table if not exists schema_object (
    identity text primary key,
    kind     text not null,
    file     text not null
);
