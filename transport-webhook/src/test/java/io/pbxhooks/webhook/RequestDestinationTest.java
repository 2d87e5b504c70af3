package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestDestinationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://crm.example.com/hooks?key=1 | https://crm.example.com:443",
            "HTTPS://CRM.Example.com:443/a | https://crm.example.com:443",
            "http://crm.example.com/hooks | http://crm.example.com:80",
            "http://crm.example.com:8080 | http://crm.example.com:8080",
            "http://127.0.0.1:9099/hooks | http://127.0.0.1:9099",
            "https://[2001:DB8::1]/hooks | https://[2001:db8::1]:443"})
    void isTheSchemeHostAndPortOfTheRequestUrl(String requestUrl, String destination) {
        assertEquals(destination, RequestDestination.of(requestUrl));
    }

    @ParameterizedTest
    @CsvSource({"calls/answered", "other"})
    void pathArgumentsReachTheSameDestination(String pathArguments) {
        WebhookTransport transport = new WebhookTransport();
        assertEquals(Optional.of("https://example.com:443"),
                transport.destination(TestConfig.minimal().set(WebhookSchema.PATH_ARGUMENTS, pathArguments).build()));
    }
}
