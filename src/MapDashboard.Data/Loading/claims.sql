-- Ownership claims; two claims on one asset make a dispute.
insert into ownership_claim (asset_kind, asset_id, organisation_id, basis)
select c->>'asset_kind',
       case c->>'asset_kind'
            when 'building' then (select b.id from building b where b.code = c->>'asset_code')
            when 'hazard'   then (select h.id from hazard h where h.code = c->>'asset_code')
       end,
       (select o.id from organisation o where o.code = c->>'organisation_code'),
       coalesce(c->>'basis', '')
from jsonb_array_elements(@doc) c;
