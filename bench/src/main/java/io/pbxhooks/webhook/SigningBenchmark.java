package io.pbxhooks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
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

/** Standard Webhooks signing of one delivery: HMAC-SHA256 over {@code id.timestamp.body}, Base64 in the header. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBenchmark {

    private SigningSecret secret;
    private byte[] body;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = SigningSecret.parse(SigningSecret.PREFIX + Base64.getEncoder().encodeToString(key));
        body = ("{\"call\":\"0b6f8e9c-5d2a-4c1e-9f3b-7a8d6c5e4f21\",\"when\":\"2026-11-29T06:00:00.000Z\",\"from\":\"+61491570156\","
                + "\"to\":\"+61255501000\",\"extension\":\"0042\",\"name\":\"Zoë Nguyen\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String sign() {
        return secret.sign("019380a2-7c1e-7d3a-9f0b-5e8d7c6a4b21", 1_795_000_000L, body);
    }
}
