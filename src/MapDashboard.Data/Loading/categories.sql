-- Categories shared by hazards and incidents, from categories.json.
insert into category (code, name_zh, name_en, for_hazards, for_incidents, sort_order)
select c->>'code', c->>'name_zh', c->>'name_en',
       coalesce((c->>'for_hazards')::boolean, true),
       coalesce((c->>'for_incidents')::boolean, true),
       coalesce((c->>'sort_order')::int, 0)
from jsonb_array_elements(@doc) c;
