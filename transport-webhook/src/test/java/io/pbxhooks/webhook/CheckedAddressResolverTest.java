package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.pbxhooks.spi.DestinationPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedAddressResolverTest {

    @Test
    void resolvesOnceAndHandsOverTheCheckedAddress() throws Exception {
        CheckedAddressResolver resolver = resolver(TestPolicies.REFUSE_SITE_LOCAL);
        Future<InetSocketAddress> resolved = resolver.resolve(InetSocketAddress.createUnresolved("127.0.0.1", 8080)).await();
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8080), resolved.getNow());
    }

    @Test
    void refusesANameResolvingToARefusedAddress() throws Exception {
        Future<InetSocketAddress> resolved = resolver(TestPolicies.REFUSE_LOOPBACK).resolve(InetSocketAddress.createUnresolved("localhost", 80)).await();
        assertFalse(resolved.isSuccess());
        DestinationRefusedException refused = assertInstanceOf(DestinationRefusedException.class, resolved.cause());
        assertTrue(refused.getMessage().startsWith("refused: localhost resolves to a disallowed address: "), refused.getMessage());
    }

    @Test
    void checksAnAddressThatArrivesAlreadyResolved() throws Exception {
        CheckedAddressResolver resolver = resolver(TestPolicies.REFUSE_LOOPBACK);
        InetSocketAddress resolvedAlready = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80);
        assertFalse(resolver.isResolved(resolvedAlready));
        Future<List<InetSocketAddress>> all = resolver.resolveAll(resolvedAlready).await();
        assertInstanceOf(DestinationRefusedException.class, all.cause());
    }

    private static CheckedAddressResolver resolver(DestinationPolicy policy) {
        return new CheckedAddressResolver(ImmediateEventExecutor.INSTANCE, new DestinationCheck(policy));
    }
}
