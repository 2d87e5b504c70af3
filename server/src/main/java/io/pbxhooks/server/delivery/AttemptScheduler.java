package io.pbxhooks.server.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Decides when this node's claimed deliveries start, so that one receiver that hangs or one account that floods
 * cannot take every slot. A delivery starts when the node has fewer than {@code max-in-flight} attempts running and its
 * destination fewer than {@code max-in-flight-per-destination}; until then it waits in its account's line for that
 * destination, holding no slot. Free slots go to the accounts in turn. A delivery that waited longer than
 * {@code maxWait} goes back to the database rather than start late in its lease.
 *
 * <p>The claim takes no more than a destination can soon start: {@link #exclusions} names the integrations of
 * destinations with a full round waiting, and the accounts with their share in flight and a claim's worth more waiting
 * (so an account at its share keeps its slots busy), which may fill no more than half the waiting room. The limits are
 * this node's: with several nodes, a destination may have the cap in flight from each.
 *
 * <p>A claim takes a round ({@code claimSize}) at a time, except while every receiver this node is sending to has
 * answered within {@value #FAST_ATTEMPT_MILLIS} ms on average: then it takes a whole batch ({@code deepClaimSize}), and
 * such a fast receiver's line holds a batch beyond its cap, so that one claim's cost is shared by many deliveries. A
 * receiver that is slow, hangs, or has not answered yet keeps rounds, and at most two of them waiting.
 */
final class AttemptScheduler {

    /** The average attempt time, in milliseconds, up to which a receiver counts as fast. */
    static final int FAST_ATTEMPT_MILLIS = 20;
    /** Receivers whose average attempt time is remembered while they are idle. */
    private static final int REMEMBERED_SPEEDS = 10_000;
    private static final double SMOOTHING = 0.2;

    private static final class Destination {
        private int inFlight;
        private int waiting;
        /** The integrations seen sending here, each at the version seen. */
        private final Map<String, Long> integrations = new HashMap<>();
    }

    private static final class Account {
        private int inFlight;
        private int waiting;
        private final LinkedHashMap<String, Deque<PreparedDelivery>> lines = new LinkedHashMap<>();
    }

    private final int maxInFlight;
    private final int claimSize;
    private final int deepClaimSize;
    private final int perDestination;
    private final int perAccount;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Map<String, Destination> destinations = new HashMap<>();
    private final Map<String, String> destinationOfIntegration = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    /** Each receiver's average attempt time in milliseconds, the latest attempts weighing most. */
    private final Map<String, Double> attemptMillis = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > REMEMBERED_SPEEDS;
        }
    };
    /** Accounts with deliveries waiting, the next to get a slot first. */
    private final Deque<String> turns = new ArrayDeque<>();
    private int inFlight;
    private int waiting;
    private boolean roomOpened;

    /**
     * @param claimSize     the most one claim takes (a round); a destination's line holds a round beyond its cap
     * @param deepClaimSize the most one claim takes while every active receiver is fast
     * @param maxWaiting    deliveries waiting on this node at most; at least {@code deepClaimSize}
     * @param maxWait       the longest a delivery waits to start; with the attempt after it, this must fit in the lease
     */
    AttemptScheduler(int maxInFlight, int claimSize, int perDestination, int perAccount, int maxWaiting, Duration maxWait) {
        this(maxInFlight, claimSize, claimSize, perDestination, perAccount, maxWaiting, maxWait);
    }

    AttemptScheduler(int maxInFlight, int claimSize, int deepClaimSize, int perDestination, int perAccount, int maxWaiting, Duration maxWait) {
        if (maxInFlight < 1 || perDestination < 1 || perAccount < 1) {
            throw new IllegalArgumentException("max-in-flight, max-in-flight-per-destination and max-in-flight-per-account must be at least 1");
        }
        if (claimSize < 1 || claimSize > perDestination || deepClaimSize < claimSize || deepClaimSize > maxWaiting) {
            throw new IllegalArgumentException("a claim takes from 1 to max-in-flight-per-destination deliveries, a deep claim at least as many "
                    + "and no more than may wait");
        }
        this.maxInFlight = maxInFlight;
        this.claimSize = claimSize;
        this.deepClaimSize = deepClaimSize;
        this.perDestination = perDestination;
        this.perAccount = perAccount;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** Attempts in progress on this node. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** How many more deliveries may wait on this node. */
    synchronized int waitingRoom() {
        return maxWaiting - waiting;
    }

    /** How many deliveries the next claim may take: a whole claim while the waiting room has space for one, else none. */
    synchronized int claimRoom() {
        int size = everyActiveDestinationFast() ? deepClaimSize : claimSize;
        return maxWaiting - waiting >= size ? size : 0;
    }

    synchronized ClaimExclusions exclusions() {
        Map<String, Long> integrations = new HashMap<>();
        destinations.values().stream().filter(destination -> destination.waiting >= perDestination)
                .forEach(destination -> integrations.putAll(destination.integrations));
        Set<String> accountsAtShare = new HashSet<>();
        int waitingAtShare = 0;
        for (Map.Entry<String, Account> entry : accounts.entrySet()) {
            Account account = entry.getValue();
            if (account.inFlight >= perAccount && account.inFlight + account.waiting >= perAccount + claimSize) {
                accountsAtShare.add(entry.getKey());
                waitingAtShare += account.waiting;
            }
        }
        return new ClaimExclusions(integrations, accountsAtShare, Math.max(0, maxWaiting / 2 - waitingAtShare));
    }

    /**
     * Queues a claimed delivery; false, leaving it out, when its destination's line is full: two rounds, or a round and
     * a deep claim for a fast receiver (a claim takes from a destination only while it has less than a round waiting).
     */
    synchronized boolean add(PreparedDelivery delivery) {
        Destination destination = learn(delivery);
        if (destination.waiting >= perDestination + (isFast(delivery.destination()) ? deepClaimSize : claimSize)) {
            forgetIfIdle(delivery);
            return false;
        }
        Account account = accounts.computeIfAbsent(delivery.delivery().accountId(), id -> new Account());
        if (account.waiting == 0) {
            turns.add(delivery.delivery().accountId());
        }
        account.lines.computeIfAbsent(delivery.destination(), name -> new ArrayDeque<>()).add(delivery);
        account.waiting++;
        destination.waiting++;
        waiting++;
        return true;
    }

    /**
     * Takes the deliveries that may start now, one account at a time in turn, and counts them in flight. Those found to
     * have waited too long are taken out into {@code expired}.
     */
    synchronized List<PreparedDelivery> startable(Instant now, List<PreparedDelivery> expired) {
        List<PreparedDelivery> starting = new ArrayList<>();
        int accountsWithoutProgress = 0;
        while (inFlight < maxInFlight && !turns.isEmpty() && accountsWithoutProgress < turns.size()) {
            String accountId = turns.poll();
            Account account = accounts.get(accountId);
            PreparedDelivery next = takeStartable(account, now, expired);
            if (account.waiting > 0) {
                turns.add(accountId);
            }
            if (next == null) {
                if (account.waiting > 0) {
                    accountsWithoutProgress++;
                }
                continue;
            }
            accountsWithoutProgress = 0;
            inFlight++;
            account.inFlight++;
            destinations.get(next.destination()).inFlight++;
            starting.add(next);
        }
        expired.forEach(this::forgetIfIdle);
        roomOpened |= !expired.isEmpty();
        return starting;
    }

    /** An attempt finished after {@code took}. */
    synchronized void finished(PreparedDelivery delivery, Duration took) {
        attemptMillis.merge(delivery.destination(), (double) took.toMillis(), (average, latest) -> average + SMOOTHING * (latest - average));
        inFlight--;
        Account account = accounts.get(delivery.delivery().accountId());
        account.inFlight--;
        roomOpened |= account.inFlight + account.waiting == perAccount + claimSize - 1;
        destinations.get(delivery.destination()).inFlight--;
        forgetIfIdle(delivery);
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Waits until no attempt is in progress (each finished one recorded), at most {@code timeout}; false if some still are. */
    synchronized boolean awaitNoneInFlight(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Takes every waiting delivery out, for a node that stops to give them back. */
    synchronized List<PreparedDelivery> takeAllWaiting() {
        List<PreparedDelivery> all = new ArrayList<>();
        for (Account account : accounts.values()) {
            account.lines.values().forEach(all::addAll);
            account.lines.clear();
            account.waiting = 0;
        }
        destinations.values().forEach(destination -> destination.waiting = 0);
        turns.clear();
        waiting = 0;
        all.forEach(this::forgetIfIdle);
        return all;
    }

    /** Whether, since last asked, room opened that a claim could fill: the dispatcher need not claim after every attempt. */
    synchronized boolean takeRoomOpened() {
        boolean opened = roomOpened;
        roomOpened = false;
        return opened;
    }

    private PreparedDelivery takeStartable(Account account, Instant now, List<PreparedDelivery> expired) {
        for (Iterator<Map.Entry<String, Deque<PreparedDelivery>>> lines = account.lines.entrySet().iterator(); lines.hasNext(); ) {
            Map.Entry<String, Deque<PreparedDelivery>> line = lines.next();
            Destination destination = destinations.get(line.getKey());
            PreparedDelivery next = null;
            while (destination.inFlight < perDestination && next == null && !line.getValue().isEmpty()) {
                next = line.getValue().poll();
                account.waiting--;
                destination.waiting--;
                waiting--;
                roomOpened |= destination.waiting == perDestination - 1 || waiting == maxWaiting - claimSize || waiting == maxWaiting - deepClaimSize;
                if (next.claimedAt().plus(maxWait).isBefore(now)) {
                    expired.add(next);
                    next = null;
                }
            }
            if (line.getValue().isEmpty()) {
                lines.remove();
            }
            if (next != null) {
                // This account's other destinations go first next time.
                Deque<PreparedDelivery> rest = account.lines.remove(line.getKey());
                if (rest != null) {
                    account.lines.put(line.getKey(), rest);
                }
                return next;
            }
        }
        return null;
    }

    private boolean everyActiveDestinationFast() {
        return destinations.keySet().stream().allMatch(this::isFast);
    }

    private boolean isFast(String destination) {
        Double average = attemptMillis.get(destination);
        return average != null && average <= FAST_ATTEMPT_MILLIS;
    }

    private Destination learn(PreparedDelivery delivery) {
        String integrationId = delivery.integration().id();
        String previous = destinationOfIntegration.put(integrationId, delivery.destination());
        if (previous != null && !previous.equals(delivery.destination())) {
            destinations.get(previous).integrations.remove(integrationId);
        }
        Destination destination = destinations.computeIfAbsent(delivery.destination(), name -> new Destination());
        destination.integrations.put(integrationId, delivery.integration().version());
        return destination;
    }

    private void forgetIfIdle(PreparedDelivery delivery) {
        String accountId = delivery.delivery().accountId();
        Account account = accounts.get(accountId);
        if (account != null && account.inFlight == 0 && account.waiting == 0) {
            accounts.remove(accountId);
        }
        Destination destination = destinations.get(delivery.destination());
        if (destination != null && destination.inFlight == 0 && destination.waiting == 0) {
            destinations.remove(delivery.destination());
            destination.integrations.keySet().forEach(destinationOfIntegration::remove);
            roomOpened = true;
        }
    }
}
