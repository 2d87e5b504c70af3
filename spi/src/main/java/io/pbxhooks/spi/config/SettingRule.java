package io.pbxhooks.spi.config;

import java.util.Optional;

/** A check of one set value: the problem, written for a person, or empty when the value is fine. */
@FunctionalInterface
public interface SettingRule {

    Optional<String> check(String value);
}
