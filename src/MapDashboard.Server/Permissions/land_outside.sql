-- How many m² of a proposed boundary lie outside the editor's jurisdiction (its root unit's land), or null when
-- none does. The same 0.05 m tolerance as "inside its parent" (Territory/boundary_check.sql): snapping to the
-- edge of one's own unit leaves float noise that must not refuse the edit. Areas in UTM 48N. A root without
-- land (unknown) counts the whole boundary as outside.
select case
    when j.area is null then ST_Area(ST_Transform(@boundary, 32648))
    when not ST_Covers(ST_Buffer(ST_Transform(j.area, 32648), 0.05), ST_Transform(@boundary, 32648)) then
        greatest(0, ST_Area(ST_Difference(ST_Transform(@boundary, 32648), ST_Transform(j.area, 32648))))
    end
from (select jurisdiction_area(@root::text) as area) j
