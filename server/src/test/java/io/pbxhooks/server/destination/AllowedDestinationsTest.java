package io.pbxhooks.server.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedDestinationsTest {

    @Test
    void readsAddressesAndBlocksOfBothFamilies() {
        assertEquals("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8", AllowedDestinations.parse(List.of("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8")).toString());
    }

    @Test
    void blankEntriesAllowNothing() {
        assertTrue(AllowedDestinations.parse(List.of()).isEmpty());
        assertTrue(AllowedDestinations.parse(List.of("", "  ")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "10.0.0.*", "10.0.0.1-5", "example.com/24", "*"})
    void anEntryThatIsNoAddressOrBlockStopsTheServerNamingIt(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AllowedDestinations.parse(List.of("127.0.0.1", entry)));
        assertTrue(refused.getMessage().startsWith("PBXHOOKS_ALLOWED_DESTINATIONS (pbxhooks.allowed-destinations): \"" + entry + "\" is not"),
                refused.getMessage());
    }
}
