-- One name for "where ownership is unclear" (权属不清): finding. The settings table and the live layer were
-- called "ambiguity" beside the findings API; a newcomer looked for one thing under three names.
alter table ambiguity_setting rename to finding_setting;
-- The live layer is now "findings" (live protocol version 2). Logged changes keep their place in the feed
-- under the new name, so a client replaying from before the upgrade gets the layer it now subscribes to.
update change_log set layer = 'findings' where layer = 'ambiguity';
