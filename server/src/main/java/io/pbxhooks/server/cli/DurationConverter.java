package io.pbxhooks.server.cli;

import com.google.protobuf.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 2500ms}, {@code 10s} or {@code 1m} as a protobuf Duration. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    @Override
    public Duration convert(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration such as 2500ms, 10s or 1m");
        }
        long amount = Long.parseLong(matcher.group(1));
        long millis = switch (matcher.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            default -> amount * 60_000;
        };
        return Duration.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
    }
}
