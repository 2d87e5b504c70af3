package io.pbxhooks.server.persistence;

import java.sql.SQLException;

/** Recognises a transaction the database rolled back to break a deadlock (SQLSTATE 40001): retry it. */
public final class Deadlocks {

    /** SQLSTATE of a serialization failure; MySQL/MariaDB use it for "Deadlock found when trying to get lock". */
    private static final String SERIALIZATION_FAILURE = "40001";

    private Deadlocks() {
    }

    public static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlFailure && SERIALIZATION_FAILURE.equals(sqlFailure.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
