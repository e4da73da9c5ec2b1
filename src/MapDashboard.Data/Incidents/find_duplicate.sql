-- The same problem reported again: an open incident of the same category
-- within @radius metres reported in the last @window. The nearest, newest wins.
select i.id, i.code
from incident i
where i.category_code = @category
  and i.stage <> 'closed'
  and i.reported_at > now() - @window
  and ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @radius)
order by ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography), i.reported_at desc
limit 1;
