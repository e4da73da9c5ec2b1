-- The incident a workflow step acts on, locked until the step commits so two
-- dispatchers clicking at once cannot both move it.
select id, stage, category_code as category, ST_X(location) as lon, ST_Y(location) as lat
from incident where code = @code
for update;
