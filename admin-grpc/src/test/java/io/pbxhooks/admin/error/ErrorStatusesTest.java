package io.pbxhooks.admin.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ErrorStatusesTest {

    @Test
    void anUnreachableDatabaseIsUnavailableNotInternal() {
        RuntimeException poolTimeout = new IllegalStateException("wrapped", new SQLTransientConnectionException("Connection is not available"));
        assertEquals(Status.Code.UNAVAILABLE, ErrorStatuses.toStatusRuntimeException(poolTimeout, "m").getStatus().getCode());
        RuntimeException linkFailure = new RuntimeException(new SQLException("Communications link failure", "08S01"));
        assertEquals(Status.Code.UNAVAILABLE, ErrorStatuses.toStatusRuntimeException(linkFailure, "m").getStatus().getCode());
    }

    @Test
    void otherFailuresAreInternalWithoutDetail() {
        RuntimeException bug = new RuntimeException(new SQLException("Syntax error", "42000"));
        var status = ErrorStatuses.toStatusRuntimeException(bug, "m").getStatus();
        assertEquals(Status.Code.INTERNAL, status.getCode());
        assertEquals("internal error", status.getDescription());
    }
}
