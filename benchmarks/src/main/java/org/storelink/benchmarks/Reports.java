package org.storelink.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what the Artemis CLI wrote, for run-ingest.sh (so the script needs no other tool):
 * <ul>
 * <li>{@code message-size FILE}: the mean body size in bytes of the messages in an {@code artemis consumer --data}
 * export; prints {@code message_size=<bytes> messages=<n> min=.. max=..}.</li>
 * <li>{@code perf FILE}: the rates in an {@code artemis perf client --json} report; prints
 * {@code broker_msgs_per_s=<completed/s> received_per_s=.. completed=.. elapsed_s=.. send_p50_us=.. send_p99_us=..}.
 * The rate is the completed (broker-confirmed) sends over the measured intervals, warm-up intervals excluded.</li>
 * </ul>
 */
public final class Reports {

    private static final Pattern CDATA_BODY = Pattern.compile("<body[^>]*>\\s*<!\\[CDATA\\[(.*?)]]>\\s*</body>",
            Pattern.DOTALL);

    private Reports() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Reports message-size CONSUMER_EXPORT.xml | Reports perf PERF_REPORT.json");
            System.exit(2);
        }
        String text = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        switch (args[0]) {
            case "message-size" -> System.out.println(messageSize(text));
            case "perf" -> System.out.println(perf(new ObjectMapper().readTree(text)));
            default -> {
                System.err.println("unknown report " + args[0]);
                System.exit(2);
            }
        }
    }

    static String messageSize(String export) {
        List<Integer> sizes = new ArrayList<>();
        Matcher body = CDATA_BODY.matcher(export);
        while (body.find()) {
            sizes.add(body.group(1).getBytes(StandardCharsets.UTF_8).length);
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no text message bodies in the export");
        }
        long sum = 0;
        for (int size : sizes) {
            sum += size;
        }
        return String.format(Locale.ROOT, "message_size=%d messages=%d min=%d max=%d", Math.round((double) sum / sizes.size()),
                sizes.size(), sizes.stream().mapToInt(Integer::intValue).min().orElse(0),
                sizes.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    static String perf(JsonNode report) {
        JsonNode summary = null;
        long firstIntervalEnd = -1;
        long completedInWarmup = 0;
        long receivedInWarmup = 0;
        for (JsonNode sample : report) {
            String type = sample.path("sampleType").asText();
            if ("summary".equals(type)) {
                summary = sample;
            } else if ("interval".equals(type) && sample.path("warmup").asBoolean(false)) {
                completedInWarmup += sample.path("completed").asLong();
                receivedInWarmup += sample.path("received").asLong();
            } else if ("interval".equals(type) && firstIntervalEnd < 0) {
                firstIntervalEnd = sample.path("time").asLong();
            }
        }
        if (summary == null) {
            throw new IllegalArgumentException("no summary sample in the perf report");
        }
        if (!"success".equals(summary.path("result").asText())) {
            throw new IllegalArgumentException("perf client result: " + summary.path("result").asText());
        }
        long completed = summary.path("totalCompleted").asLong() - completedInWarmup;
        long received = summary.path("totalReceived").asLong() - receivedInWarmup;
        // Each interval sample is written at the end of its (one second) interval; the summary at the end of the run.
        // Without a measured interval (a run under a second) the run length is unknown.
        long end = summary.path("time").asLong();
        double elapsedSeconds = firstIntervalEnd < 0 ? Double.NaN : (end - firstIntervalEnd + 1000) / 1000.0;
        JsonNode sendTime = summary.path("totalSendTime");
        return String.format(Locale.ROOT,
                "broker_msgs_per_s=%.1f received_per_s=%.1f completed=%d received=%d elapsed_s=%.2f send_p50_us=%s send_p99_us=%s",
                completed / elapsedSeconds, received / elapsedSeconds, completed, received, elapsedSeconds,
                sendTime.path("50").asText("?"), sendTime.path("99").asText("?"));
    }
}
