-- Idempotency keys (issue 15, the field page offline): a phone that lost its connection mid-upload cannot know whether
-- its resolution, photo or report got in, so it sends the same request again with the same client-made key. The first
-- answer is kept here per account and key, and a repeat gets that answer back instead of acting twice. Keyed by
-- account: two phones inventing the same key never see each other's answers.
create table idempotent_request (
    account_id  int not null references account(id) on delete cascade,
    key         text not null check (length(key) between 1 and 100),
    -- The request the key was first used for ("POST /api/incidents/I000012/resolve"): the same key on another is refused.
    request     text not null,
    -- Null while the first request is still being handled (a claim); set with its 2xx answer. A refused request
    -- releases its claim (it wrote nothing, so sending it again may succeed).
    status      int,
    content_type text,
    body        bytea,
    claimed_at  timestamptz not null default now(),
    answered_at timestamptz,
    primary key (account_id, key)
);
