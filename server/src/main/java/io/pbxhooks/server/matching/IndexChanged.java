package io.pbxhooks.server.matching;

/** Published inside a store's transaction when an account's matching data changes. */
public record IndexChanged(String accountId) {
}
