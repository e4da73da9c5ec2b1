delete from patrol_route where id = @id returning id
