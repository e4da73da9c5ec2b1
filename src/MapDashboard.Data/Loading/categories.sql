-- Categories shared by hazards and incidents, from categories.json. The data
-- wins over a category the schema already holds (ownership_unclear, 0016).
insert into category (code, name_zh, name_en, for_hazards, for_incidents, sort_order)
select c->>'code', c->>'name_zh', c->>'name_en',
       coalesce((c->>'for_hazards')::boolean, true),
       coalesce((c->>'for_incidents')::boolean, true),
       coalesce((c->>'sort_order')::int, 0)
from jsonb_array_elements(@doc) c
on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
    for_hazards = excluded.for_hazards, for_incidents = excluded.for_incidents, sort_order = excluded.sort_order;
