-- The retention job finds finished deliveries by when they last changed, and old events by when they arrived.
CREATE INDEX ix_deliveries_finished ON deliveries (state, update_time);
CREATE INDEX ix_events_received ON events (received_at);
