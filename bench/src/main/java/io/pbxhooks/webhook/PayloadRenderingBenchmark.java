package io.pbxhooks.webhook;

import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Payload;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.hostedpbx.HostedPbxTrigger;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.spi.RawEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The webhook payload of an answered inbound call with six mapped fields, rendered as the transport renders it for
 * each attempt: JSON (POST) and URL-encoded QUERY (GET / form).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PayloadRenderingBenchmark {

    private Payload payload;

    @Setup
    public void setUp() throws Exception {
        CallEvent call = CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_ANSWERED).setDirection(CallEvent.Direction.INBOUND)
                .setCallUuid("0b6f8e9c-5d2a-4c1e-9f3b-7a8d6c5e4f21").setSourceNumber("+61491570156").setDestinationNumber("+61255501000")
                .setAnswerMethod(CallEvent.AnswerMethod.DIRECT)
                .setExtension(CallEvent.Extension.newBuilder().setNumber("0042").setName("Zoë Nguyen").setOutboundPhoneNumber("+61255501042"))
                .build();
        TriggerEvent event = new HostedPbxTrigger().classify(new RawEvent("e-1", "acct", "hosted-pbx", Instant.now(),
                CallEvent.getDescriptor().getFullName(), call.toByteArray())).orElseThrow();
        payload = Payload.of(event, List.of(new FieldMapping("call", "call_uuid"), new FieldMapping("when", "date_time"),
                new FieldMapping("from", "source_number"), new FieldMapping("to", "destination_number"),
                new FieldMapping("extension", "extension_number"), new FieldMapping("name", "name")));
    }

    @Benchmark
    public byte[] json() {
        return PayloadEncoding.json(payload);
    }

    @Benchmark
    public String query() {
        return PayloadEncoding.query(payload);
    }
}
