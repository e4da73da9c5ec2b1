-- The district the wall benchmark's display account is bound to.
select code from territory_unit where kind = 'district' order by code limit 1
