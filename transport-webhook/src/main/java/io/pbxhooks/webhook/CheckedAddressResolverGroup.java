package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.pbxhooks.spi.DestinationPolicy;
import java.net.InetSocketAddress;

/** Gives each of the HTTP client's event loops a {@link CheckedAddressResolver} under one destination policy. */
final class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final DestinationCheck check;

    CheckedAddressResolverGroup(DestinationPolicy policy) {
        this.check = new DestinationCheck(requireNonNull(policy, "policy is null"));
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new CheckedAddressResolver(executor, check);
    }
}
