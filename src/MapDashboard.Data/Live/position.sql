-- The newest seq written and how far retention has pruned: a client may
-- replay from any seq in [pruned_through, newest].
select coalesce((select max(seq) from change_log), (select last_value from change_log_seq where is_called), 0),
       (select pruned_through from change_log_horizon);
