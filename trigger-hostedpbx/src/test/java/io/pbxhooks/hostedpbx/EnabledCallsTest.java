package io.pbxhooks.hostedpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnabledCallsTest {

    @Test
    void allCategoriesInCatalogueOrderWithoutSpaces() {
        List<CallCategory> reversed = List.of(CallCategory.OTHER, CallCategory.PREMIUM, CallCategory.INTERNATIONAL_OTHER,
                CallCategory.INTERNATIONAL, CallCategory.MOBILE, CallCategory.NATIONAL, CallCategory.LOCAL);
        assertEquals("Local,National,Mobile,International,International Other,Premium,Other", EnabledCalls.format(reversed));
    }

    @Test
    void repeatsAreListedOnce() {
        assertEquals("Local,Mobile", EnabledCalls.format(List.of(CallCategory.MOBILE, CallCategory.LOCAL, CallCategory.MOBILE, CallCategory.LOCAL)));
    }

    @Test
    void unspecifiedAndUnknownCategoriesAreIgnored() {
        assertEquals("National", EnabledCalls.format(List.of(CallCategory.CALL_CATEGORY_UNSPECIFIED, CallCategory.NATIONAL, CallCategory.UNRECOGNIZED)));
    }

    @Test
    void noCategoriesIsEmpty() {
        assertEquals("", EnabledCalls.format(List.of()));
        assertEquals("", EnabledCalls.format(List.of(CallCategory.CALL_CATEGORY_UNSPECIFIED)));
    }

    /** Fails when the proto gains a category the catalogue does not label yet. */
    @Test
    void everyCategoryHasALabel() {
        Set<CallCategory> labelled = EnabledCalls.LABELS_IN_ORDER.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<CallCategory> categories = EnumSet.copyOf(Arrays.asList(CallCategory.values()));
        categories.removeAll(List.of(CallCategory.CALL_CATEGORY_UNSPECIFIED, CallCategory.UNRECOGNIZED));
        assertEquals(categories, labelled);
    }
}
