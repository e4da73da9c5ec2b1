-- The request a token was handed out for, as GeoReport v2's token lookup answers it.
select json_build_array(json_build_object('service_request_id', code, 'token', open311_token))::text
from incident where open311_token = @token;
