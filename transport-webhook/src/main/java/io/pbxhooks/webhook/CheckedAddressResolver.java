package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a destination once and hands the HTTP client only addresses the host's policy allowed, so what is checked
 * is what is connected to: no second lookup a rebinding DNS server could answer differently. The client keeps the
 * original name for the Host header and for TLS (SNI and certificate verification). Like Netty's default resolver it
 * uses the JDK's lookup, on the event loop.
 */
final class CheckedAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

    private final DestinationCheck check;

    CheckedAddressResolver(EventExecutor executor, DestinationCheck check) {
        super(executor, InetSocketAddress.class);
        this.check = requireNonNull(check, "check is null");
    }

    /** Never: an address that arrives already resolved is still checked. */
    @Override
    protected boolean doIsResolved(InetSocketAddress address) {
        return false;
    }

    @Override
    protected void doResolve(InetSocketAddress destination, Promise<InetSocketAddress> promise) {
        try {
            promise.setSuccess(checked(destination).get(0));
        } catch (UnknownHostException | DestinationRefusedException failure) {
            promise.setFailure(failure);
        }
    }

    @Override
    protected void doResolveAll(InetSocketAddress destination, Promise<List<InetSocketAddress>> promise) {
        try {
            promise.setSuccess(checked(destination));
        } catch (UnknownHostException | DestinationRefusedException failure) {
            promise.setFailure(failure);
        }
    }

    private List<InetSocketAddress> checked(InetSocketAddress destination) throws UnknownHostException, DestinationRefusedException {
        String host = destination.getHostString();
        List<InetAddress> addresses = destination.isUnresolved() ? List.of(InetAddress.getAllByName(host)) : List.of(destination.getAddress());
        Optional<String> refusal = check.refusal(host, addresses);
        if (refusal.isPresent()) {
            throw new DestinationRefusedException(refusal.get());
        }
        return addresses.stream().map(address -> new InetSocketAddress(address, destination.getPort())).toList();
    }
}
