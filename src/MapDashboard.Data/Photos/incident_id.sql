select id from incident where code = @code;
