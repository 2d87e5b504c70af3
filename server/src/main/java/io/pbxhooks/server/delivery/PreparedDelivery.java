package io.pbxhooks.server.delivery;

import io.pbxhooks.admin.port.IntegrationRecord;
import java.time.Instant;

/** A claimed delivery with its integration and the destination its attempt goes to, ready to start. */
record PreparedDelivery(ClaimedDelivery delivery, IntegrationRecord integration, String destination, Instant claimedAt) {
}
