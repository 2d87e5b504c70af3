package io.pbxhooks.server.delivery;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.DeliveryQuery;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryState;
import io.pbxhooks.admin.port.DeliveryStore;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.server.persistence.JdbcAuditLog;
import io.pbxhooks.server.persistence.KeysetQuery;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The deliveries and their attempts as the admin API reads them, and redelivery. */
@Singleton
public class JdbcDeliveryStore implements DeliveryStore {

    private static final String LIST = "deliveries";
    private static final String SELECT = "SELECT id, account_id, integration_id, event_id, service_type, event_type, state, attempt_count, "
            + "create_time, update_time, next_attempt_at, last_status_code, last_error, test FROM deliveries";

    private final Sql sql;
    private final JdbcAuditLog audit;
    private final JsonMapper json;
    private final DispatchSignal dispatch;

    public JdbcDeliveryStore(Sql sql, JdbcAuditLog audit, JsonMapper json, DispatchSignal dispatch) {
        this.sql = sql;
        this.audit = audit;
        this.json = json;
        this.dispatch = dispatch;
    }

    @Override
    @ReadOnly
    public Page<DeliveryRecord> list(DeliveryQuery query) {
        return new KeysetQuery(LIST, "create_time", true)
                .filter("account_id = ?", query.accountId())
                .filter("integration_id = ?", query.integrationId())
                .filter("state = ?", query.state() == null ? null : query.state().name())
                .filter("create_time >= ?", query.createdFrom())
                .filter("create_time < ?", query.createdTo())
                .page(sql, SELECT, query.page(), JdbcDeliveryStore::delivery, DeliveryRecord::createTime, DeliveryRecord::id);
    }

    @Override
    @ReadOnly
    public Optional<DeliveryRecord> find(String id) {
        return sql.queryOne(SELECT + " WHERE id = ?", JdbcDeliveryStore::delivery, id);
    }

    @Override
    @ReadOnly
    public List<AttemptRecord> attempts(String deliveryId) {
        return sql.query("SELECT number, start_time, duration_ms, outcome, status_code, detail, request, response_headers, response_excerpt "
                        + "FROM delivery_attempts WHERE delivery_id = ? ORDER BY number",
                row -> new AttemptRecord(deliveryId, row.getInt("number"), Sql.instant(row, "start_time"), row.getLong("duration_ms"),
                        row.getString("outcome"), row.getInt("status_code"), row.getString("detail"), row.getString("request"),
                        headers(row.getString("response_headers")), row.getString("response_excerpt")),
                deliveryId);
    }

    @Override
    @Transactional
    public DeliveryRecord redeliver(String id, Instant now, AuditEntryDraft auditEntry) {
        int queued = sql.update("UPDATE deliveries SET state = 'PENDING', next_attempt_at = ?, update_time = ? "
                + "WHERE id = ? AND state IN ('SUCCEEDED', 'FAILED')", now, now, id);
        if (queued == 0) {
            DeliveryRecord current = find(id).orElseThrow(() -> new NotFoundException("delivery", id));
            throw FailedPreconditionException.deliveryNotFinished(id, current.state().name());
        }
        audit.write(auditEntry);
        dispatch.wake();
        return find(id).orElseThrow(() -> new NotFoundException("delivery", id));
    }

    private Map<String, List<String>> headers(String stored) {
        try {
            return json.readValue(stored, Argument.mapOf(Argument.STRING, Argument.listOf(String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeliveryRecord delivery(ResultSet row) throws SQLException {
        return new DeliveryRecord(row.getString("id"), row.getString("account_id"), row.getString("integration_id"), row.getString("event_id"),
                row.getString("service_type"), row.getString("event_type"), DeliveryState.valueOf(row.getString("state")),
                row.getInt("attempt_count"), Sql.instant(row, "create_time"), Sql.instant(row, "update_time"),
                Sql.instant(row, "next_attempt_at"), row.getInt("last_status_code"), row.getString("last_error"), row.getBoolean("test"));
    }
}
