-- The unit an export is of: its name for the file's name (null: no such unit).
select name from territory_unit where code = @code
