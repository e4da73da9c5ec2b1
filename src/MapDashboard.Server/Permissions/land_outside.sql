-- How many m² of a proposed boundary lie outside the editor's jurisdiction (its root unit's land), or null when
-- none does. The same 0.05 m tolerance as "inside its parent" (Territory/boundary_check.sql): snapping to the
-- edge of one's own unit leaves float noise that must not refuse the edit. Areas in the metric frame. A root without
-- land (unknown) counts the whole boundary as outside.
select case
    when j.area is null then ST_Area(ST_Transform(@boundary, metric_srid()))
    when not ST_Covers(ST_Buffer(ST_Transform(j.area, metric_srid()), 0.05), ST_Transform(@boundary, metric_srid())) then
        greatest(0, ST_Area(ST_Difference(ST_Transform(@boundary, metric_srid()), ST_Transform(j.area, metric_srid()))))
    end
from (select jurisdiction_area(@root::text) as area) j
