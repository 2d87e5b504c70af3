package io.pbxhooks.webhook;

import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.core.annotation.AnnotationMetadataResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.bind.DefaultRequestBinderRegistry;
import io.micronaut.http.body.ContextlessMessageBodyHandlerRegistry;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.filter.DefaultHttpClientFilterResolver;
import io.micronaut.http.client.netty.DefaultHttpClient;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.codec.MediaTypeCodecRegistry;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.websocket.context.WebSocketBeanRegistry;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * Makes the Micronaut HTTP client the webhook transport sends with, outside any ApplicationContext. The sender uses it
 * as a {@link io.micronaut.http.client.RawHttpClient}: request bytes as built, the response body as a stream.
 */
final class HttpClients {

    /**
     * The most of a response the client holds before the sender reads it: what one read loop of the event loop
     * brings in (16 reads of at most 64 KiB). The sender then reads the body only as far as its excerpt
     * ({@link BodyStart}), so a larger body is never held whole.
     */
    static final int MAXIMUM_BUFFERED_RESPONSE_BYTES = 1024 * 1024;

    private HttpClients() {
    }

    /**
     * A client that connects only to addresses the settings' policy allows ({@link CheckedAddressResolverGroup}) and
     * verifies TLS certificates against the JDK's trust store and the settings' extra authorities ({@link TrustingSslBuilder}).
     *
     * <p>{@code HttpClient.create} would need a JSON mapper on the class path (it builds JSON body handlers eagerly), and
     * the builder that replaces these constructors does not expose handler registries or resolver groups yet. The
     * transport sends and reads only bytes, so it passes handler registries without JSON, and its resolver group,
     * through the public constructor that accepts both, deprecated in Micronaut 4. The other arguments are the
     * builder's own defaults.
     */
    @SuppressWarnings("deprecation")
    static DefaultHttpClient create(ClientSettings settings) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setExceptionOnErrorStatus(false);
        configuration.setMaxContentLength(MAXIMUM_BUFFERED_RESPONSE_BYTES);
        // Each send bounds its whole exchange by its integration's timeout; these only back that up.
        Duration longest = Duration.ofMillis(WebhookSchema.MAXIMUM_TIMEOUT_MILLIS);
        configuration.setConnectTimeout(longest);
        configuration.setReadTimeout(longest);
        configuration.setRequestTimeout(longest.plusSeconds(1));
        // Connection pools, and their limits, are per scheme, host and port; none spans receivers, so a receiver that
        // hangs holds only its own connections. The host's per-destination cap keeps each pool far below its limits.
        return new DefaultHttpClient(null, null, configuration, null,
                new DefaultHttpClientFilterResolver(null, AnnotationMetadataResolver.DEFAULT, List.of()), List.of(), null,
                new TrustingSslBuilder(settings.extraTrustedCertificates()), MediaTypeCodecRegistry.of(),
                new ContextlessMessageBodyHandlerRegistry(new ApplicationConfiguration(), NettyByteBufferFactory.DEFAULT),
                WebSocketBeanRegistry.EMPTY, new DefaultRequestBinderRegistry(ConversionService.SHARED), null,
                NioSocketChannel::new, NioDatagramChannel::new, new NettyClientCustomizer() { }, null, ConversionService.SHARED,
                new CheckedAddressResolverGroup(settings.policy()));
    }
}
