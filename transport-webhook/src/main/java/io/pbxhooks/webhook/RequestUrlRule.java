package io.pbxhooks.webhook;

import io.pbxhooks.spi.config.SettingRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The request URL must be an absolute http or https URL with a host, no user-info and no fragment. Messages
 * never repeat the URL: one with user-info may hold a password.
 */
final class RequestUrlRule implements SettingRule {

    @Override
    public Optional<String> check(String value) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException invalid) {
            String where = invalid.getIndex() >= 0 ? " at character " + (invalid.getIndex() + 1) : "";
            return Optional.of("Request URL is not a valid URL: " + invalid.getReason() + where);
        }
        if (url.getScheme() == null) {
            return Optional.of("Request URL must be absolute, starting with http:// or https://");
        }
        if (!url.getScheme().equalsIgnoreCase("http") && !url.getScheme().equalsIgnoreCase("https")) {
            return Optional.of("Request URL must use http or https, not " + url.getScheme());
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("Request URL must not contain a user name or password; set them under Authentication instead");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("Request URL must name a host, as in https://example.com/hooks (internationalized host names in their xn-- form)");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("Request URL must not contain a fragment (a part after #): it is never sent to the receiver");
        }
        return Optional.empty();
    }
}
