package io.pbxhooks.admin;

import com.google.protobuf.Duration;
import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;

/** Stored deliveries and attempts as messages. */
final class DeliveryMessages {

    private DeliveryMessages() {
    }

    static Delivery of(DeliveryRecord record) {
        Delivery.Builder message = Delivery.newBuilder()
                .setId(record.id())
                .setAccountId(record.accountId())
                .setIntegrationId(record.integrationId())
                .setEventId(record.eventId())
                .setServiceType(record.serviceType())
                .setEventType(record.eventType())
                .setState(Delivery.State.valueOf(record.state().name()))
                .setAttemptCount(record.attemptCount())
                .setCreateTime(Timestamps.of(record.createTime()))
                .setUpdateTime(Timestamps.of(record.updateTime()))
                .setLastStatusCode(record.lastStatusCode())
                .setLastError(record.lastErrorIfAny().orElse(""))
                .setTest(record.test());
        record.nextAttempt().ifPresent(next -> message.setNextAttemptTime(Timestamps.of(next)));
        return message.build();
    }

    static Attempt of(AttemptRecord record) {
        Attempt.Builder message = Attempt.newBuilder()
                .setNumber(record.number())
                .setStartTime(Timestamps.of(record.startTime()))
                .setDuration(duration(record.durationMillis()))
                .setOutcome(Attempt.Outcome.valueOf(record.outcome()))
                .setStatusCode(record.statusCode())
                .setDetail(record.detail())
                .setRequest(record.request())
                .setResponseExcerpt(record.responseExcerpt());
        record.responseHeaders().forEach((name, values) -> values.forEach(value ->
                message.addResponseHeaders(Attempt.Header.newBuilder().setName(name).setValue(value))));
        return message.build();
    }

    private static Duration duration(long millis) {
        return Duration.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
    }
}
