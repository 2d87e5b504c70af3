package io.pbxhooks.server.delivery;

import java.util.List;

/**
 * The hot path from ingest to delivery, in memory: the transaction that stores an event inserts its deliveries already
 * leased to this node, as far as the {@link HandOffBudget} allows, and once it commits hands them to the dispatcher,
 * which starts them without claiming them from the database. A claim is then needed only for what was not handed over:
 * retries, deliveries behind an earlier one of the same call, other nodes' work and leases that ended. If the node
 * stops between the commit and the attempt, the leases end and the deliveries are claimed like any others.
 */
public interface DeliveryHandOff {

    /** How many of the deliveries about to be stored may be leased to this node, and which not; read just before the transaction. */
    HandOffBudget budget();

    /** Deliveries leased to this node by a transaction that has committed. */
    void handOff(List<HandedOff> leased);
}
