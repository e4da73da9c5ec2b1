-- Which of these photo ids a row still holds (the others' files are orphans).
select id from incident_photo where id = any(@ids)
