-- A new account, its unit and person given by code; no row when the unit or the person is unknown (the caller names which).
insert into account (user_name, display_name, role, unit_id, person_id, password_hash)
select @user_name, @display_name, @role, u.id, p.id, @password_hash
from territory_unit u
left join person p on p.code = @person_code
where u.code = @unit_code and (@person_code::text is null or p.id is not null)
returning id;
