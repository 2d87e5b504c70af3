package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.DestinationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Saving an integration: a request URL whose host is a literal address the host refuses is rejected, whatever its form. */
class RequestUrlDestinationValidationTest {

    private final WebhookTransport transport = new WebhookTransport();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/hooks | 127.0.0.1",
            "http://127.0.0.1:8080/ | 127.0.0.1",
            "HTTPS://127.0.0.1/ | 127.0.0.1",
            "http://2130706433/ | 127.0.0.1",
            "http://0x7f000001/ | 127.0.0.1",
            "http://017700000001/ | 127.0.0.1",
            "http://0177.0.0.1/ | 127.0.0.1",
            "http://[::ffff:127.0.0.1]/ | 127.0.0.1",
            "http://[::1]:8080/ | 0:0:0:0:0:0:0:1"})
    void rejectsALiteralAddressThePolicyRefusesWhateverItsForm(String url, String address) {
        assertEquals(List.of(new Violation("request_url", "Request URL points to an address deliveries are refused to: "
                + address + " is a loopback address; allow it with THE_ALLOWLIST")), validate(url, TestPolicies.REFUSE_LOOPBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x7f.0.0.1/", "http://127.1/"})
    void formsWithoutAUriHostAreRejectedAsSuch(String url) {
        List<Violation> violations = validate(url, TestPolicies.ALLOW_ALL);
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).message().startsWith("Request URL must name a host"), violations::toString);
    }

    @Test
    void rejectsAPrivateAddressWithThePolicysReason() {
        assertEquals(List.of(new Violation("request_url", "Request URL points to an address deliveries are refused to: 10.0.0.5 is a private address")),
                validate("http://10.0.0.5/hooks", TestPolicies.REFUSE_SITE_LOCAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/", "https://crm.example.com/hooks", "http://8.8.8.8/", "http://[2001:4860:4860::8888]/"})
    void acceptsHostNamesAndAllowedAddressesWithoutLookingNamesUp(String url) {
        assertEquals(List.of(), validate(url, TestPolicies.REFUSE_LOOPBACK));
    }

    @Test
    void acceptsARefusedAddressThePolicyAllows() {
        assertEquals(List.of(), validate("http://127.0.0.1:8080/", TestPolicies.ALLOW_ALL));
    }

    @Test
    void withoutAContextOnlyTheUrlsFormIsChecked() {
        assertEquals(List.of(), TestConfig.empty().set("request_url", "http://127.0.0.1/").violations());
    }

    @Test
    void anInvalidUrlGetsOneViolationOnly() {
        List<Violation> violations = validate("ftp://127.0.0.1/", TestPolicies.REFUSE_LOOPBACK);
        assertEquals(1, violations.size(), violations::toString);
    }

    private List<Violation> validate(String url, DestinationPolicy policy) {
        return transport.validate(TestConfig.empty().set("request_url", url).build(), TestPolicies.context(policy));
    }
}
