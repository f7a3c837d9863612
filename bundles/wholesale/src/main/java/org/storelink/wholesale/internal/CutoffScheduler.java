package org.storelink.wholesale.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cut-off at the times of a cron expression: one daemon thread sleeps until the next time, runs it, and
 * computes the next time from the clock again (so a long run or a clock change does not drift). A failed run is
 * logged; the next time still comes.
 */
final class CutoffScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CutoffScheduler.class);

    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable cutoff;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private ZonedDateTime scheduled;
    private boolean closed;

    CutoffScheduler(CronExpression cron, ZoneId zone, Clock clock, Runnable cutoff) {
        this.cron = cron;
        this.zone = zone;
        this.clock = clock;
        this.cutoff = cutoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "storelink-wholesale-cutoff");
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized Optional<ZonedDateTime> start() {
        return scheduleNext();
    }

    private synchronized Optional<ZonedDateTime> scheduleNext() {
        if (closed) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        // the executor may wake a little before the wall clock reaches the time: never fire the same time twice
        ZonedDateTime after = scheduled != null && scheduled.isAfter(now) ? scheduled : now;
        Optional<ZonedDateTime> at = cron.next(after, zone);
        if (at.isEmpty()) {
            LOG.warn("cutoff.cron \"{}\" has no future time: no cut-off is scheduled", cron);
            return at;
        }
        long delay = Math.max(0, Duration.between(now.toInstant(), at.get().toInstant()).toMillis());
        scheduled = at.get();
        next = executor.schedule(this::run, delay, TimeUnit.MILLISECONDS);
        LOG.info("Next wholesale cut-off at {}", at.get());
        return at;
    }

    private void run() {
        try {
            cutoff.run();
        } catch (RuntimeException e) {
            LOG.error("Scheduled cut-off failed: {}", e.getMessage(), e);
        } finally {
            scheduleNext();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
        executor.shutdownNow();
    }
}
