package io.pbxhooks.server.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching index's lookup — what {@link MatchIndex#match} does per event — over its inner structure: accounts by id
 * in a concurrent map, each with its integrations by trigger. 10 integrations per account over the five Hosted PBX
 * events; 10 accounts (100 integrations) against 10,000 accounts (100,000 integrations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatchingBenchmark {

    private static final List<String> EVENTS = List.of("inbound_call_received", "inbound_call_answered", "outbound_call_placed",
            "ivr_call_received", "ivr_option_selected");

    @Param({"10", "10000"})
    public int accounts;

    private final Map<String, AccountMatches> index = new ConcurrentHashMap<>();
    private String[] accountIds;

    @Setup
    public void setUp() {
        accountIds = new String[accounts];
        for (int number = 0; number < accounts; number++) {
            accountIds[number] = "acct-" + number;
            Map<String, List<String>> byTrigger = new HashMap<>();
            for (int copy = 0; copy < 10; copy++) {
                byTrigger.computeIfAbsent(AccountMatches.trigger("hosted-pbx", EVENTS.get(copy % EVENTS.size())), key -> new ArrayList<>())
                        .add(UUID.randomUUID().toString());
            }
            byTrigger.replaceAll((trigger, ids) -> List.copyOf(ids));
            index.put(accountIds[number], new AccountMatches(true, Map.copyOf(byTrigger)));
        }
    }

    @Benchmark
    public List<String> match() {
        String accountId = accountIds[ThreadLocalRandom.current().nextInt(accounts)];
        AccountMatches matches = index.get(accountId);
        return matches == null ? List.of() : matches.match("hosted-pbx", "inbound_call_answered");
    }
}
