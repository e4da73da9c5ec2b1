-- Whom the desk may send an incident to, by code: a grid worker (专职网格员) or a party-member volunteer (党员志愿者),
-- who are people, or a co-building unit (共驻共建单位), which is an organisation. Anyone else answers nothing.
select 'person' as kind, p.id, p.code from person p where p.code = @code and p.role in ('grid_worker', 'volunteer')
union all
select 'organisation', o.id, o.code from organisation o where o.code = @code and o.kind = 'co_building_unit';
