package io.pbxhooks.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of a test server's {@code /prometheus} endpoint, and the samples in it. */
public record PrometheusScrape(String text) {

    public static PrometheusScrape of(TestServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusScrape(response.body());
    }

    /** The sum of the samples named {@code name} that carry all of {@code labels}; 0 when there are none. */
    public double value(String name, Map<String, String> labels) {
        StringBuilder pattern = new StringBuilder("^").append(Pattern.quote(name)).append("(?:\\{");
        labels.forEach((label, value) -> pattern.append("(?=[^}]*\\b").append(label).append("=\"").append(Pattern.quote(value)).append("\")"));
        pattern.append("[^}]*})? ([0-9.E+-]+)$");
        Matcher sample = Pattern.compile(pattern.toString(), Pattern.MULTILINE).matcher(text);
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(1));
        }
        return sum;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** How much a sample grew from {@code before} to this scrape. */
    public double increase(PrometheusScrape before, String name, Map<String, String> labels) {
        return value(name, labels) - before.value(name, labels);
    }
}
