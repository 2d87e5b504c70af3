-- TEXT keeps at most 64 KiB on MySQL/MariaDB; an integration may need more (up to 50 headers of up to 4 KiB each) and so
-- may an event's values once JSON-escaped. MEDIUMTEXT keeps 16 MiB, more than any request carries.
ALTER TABLE integrations MODIFY transport_config MEDIUMTEXT NOT NULL;
ALTER TABLE integrations MODIFY field_mappings MEDIUMTEXT NOT NULL;
ALTER TABLE events MODIFY fields MEDIUMTEXT NOT NULL;
