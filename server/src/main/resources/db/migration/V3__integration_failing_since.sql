-- When the integration's deliveries started failing without a success since (NULL while healthy): the server
-- disables an integration that has failed continuously for pbxhooks.delivery.auto-disable-after.
ALTER TABLE integrations ADD COLUMN failing_since DATETIME(3) NULL;
