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
 * {@code broker_msgs_per_s=<completed/s> received_per_s=.. intervals=.. completed=.. run_s=.. run_msgs_per_s=..
 * total_completed=.. send_p50_us=.. send_p99_us=..} ({@code total_completed} includes the warm-up). {@code broker_msgs_per_s} is the steady rate of completed (broker-confirmed)
 * persistent sends over the one-second interval samples, the first one and warm-up ones left out;
 * {@code run_msgs_per_s} is the whole run including connecting and the final drain.</li>
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
        List<JsonNode> intervals = new ArrayList<>();
        long completedInWarmup = 0;
        for (JsonNode sample : report) {
            String type = sample.path("sampleType").asText();
            if ("summary".equals(type)) {
                summary = sample;
            } else if ("interval".equals(type) && sample.path("warmup").asBoolean(false)) {
                completedInWarmup += sample.path("completed").asLong();
            } else if ("interval".equals(type)) {
                intervals.add(sample);
            }
        }
        if (summary == null) {
            throw new IllegalArgumentException("no summary sample in the perf report");
        }
        if (!"success".equals(summary.path("result").asText())) {
            throw new IllegalArgumentException("perf client result: " + summary.path("result").asText());
        }
        // Interval samples are written at the end of each (about one second) interval. The steady rate counts the
        // completions of the intervals after the first over the time between the first and the last sample: the
        // first interval includes connecting, and the end of the run includes draining and closing the clients.
        double steady = Double.NaN;
        double steadyReceived = Double.NaN;
        if (intervals.size() >= 2) {
            long completed = 0;
            long received = 0;
            for (JsonNode interval : intervals.subList(1, intervals.size())) {
                completed += interval.path("completed").asLong();
                received += interval.path("received").asLong();
            }
            double seconds = (intervals.get(intervals.size() - 1).path("time").asLong()
                    - intervals.get(0).path("time").asLong()) / 1000.0;
            steady = completed / seconds;
            steadyReceived = received / seconds;
        }
        // The whole run, from the start of the first interval to the summary.
        long total = summary.path("totalCompleted").asLong() - completedInWarmup;
        double runSeconds = intervals.isEmpty() ? Double.NaN
                : (summary.path("time").asLong() - intervals.get(0).path("time").asLong() + 1000) / 1000.0;
        JsonNode sendTime = summary.path("totalSendTime");
        return String.format(Locale.ROOT,
                "broker_msgs_per_s=%.1f received_per_s=%.1f intervals=%d completed=%d run_s=%.2f run_msgs_per_s=%.1f"
                        + " total_completed=%d send_p50_us=%s send_p99_us=%s",
                steady, steadyReceived, intervals.size(), total, runSeconds, total / runSeconds,
                summary.path("totalCompleted").asLong(),
                sendTime.path("50").asText("?"), sendTime.path("99").asText("?"));
    }
}
