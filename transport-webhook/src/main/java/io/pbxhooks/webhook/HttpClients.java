package io.pbxhooks.webhook;

import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.body.ContextlessMessageBodyHandlerRegistry;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.netty.DefaultHttpClient;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.codec.MediaTypeCodecRegistry;
import io.micronaut.runtime.ApplicationConfiguration;
import java.time.Duration;

/** Makes the Micronaut HTTP client the webhook transport sends with, outside any ApplicationContext. */
final class HttpClients {

    /** A larger response cannot be read; receivers of webhooks answer with a few bytes. */
    static final int MAXIMUM_RESPONSE_BYTES = 1024 * 1024;

    private HttpClients() {
    }

    /**
     * {@code HttpClient.create} would need a JSON mapper on the class path (it builds JSON body handlers eagerly). The
     * transport sends and reads only bytes, so it passes handler registries without JSON through the one public
     * constructor that accepts them, deprecated in Micronaut 4 in favour of a builder that does not expose them yet.
     */
    @SuppressWarnings("deprecation")
    static HttpClient create() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setExceptionOnErrorStatus(false);
        configuration.setMaxContentLength(MAXIMUM_RESPONSE_BYTES);
        // Each send bounds its whole exchange by its integration's timeout; these only back that up.
        Duration longest = Duration.ofMillis(WebhookSchema.MAXIMUM_TIMEOUT_MILLIS);
        configuration.setConnectTimeout(longest);
        configuration.setReadTimeout(longest);
        configuration.setRequestTimeout(longest.plusSeconds(1));
        return new DefaultHttpClient(null, configuration, null, null, new NettyClientSslBuilder(new ResourceResolver()), MediaTypeCodecRegistry.of(),
                new ContextlessMessageBodyHandlerRegistry(new ApplicationConfiguration(), NettyByteBufferFactory.DEFAULT),
                null, ConversionService.SHARED);
    }
}
