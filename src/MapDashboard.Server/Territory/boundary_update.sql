-- Saves the boundary; the territory triggers recompute the findings it can affect (Schema/24_findings_follow_edits.sql in MapDashboard.Data).
update territory_unit set boundary = ST_Multi(@boundary) where code = @code
