package io.crossflight.store.changes;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.logging.Logger;

import io.crossflight.common.rest.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Live SSE streams of committed changes, shared by {@code GET /missions/stream} and
 * {@code GET /crew/stream}.
 *
 * <p>Each event's id is the change_log seq, so a reconnecting client's {@code Last-Event-ID}
 * resumes exactly after the last change it saw: the stream first registers for live changes
 * (buffering them), then replays the log after that seq, then drains the buffer, skipping what
 * it already sent. Because change_log seq order is commit order, nothing falls in between.
 */
@ApplicationScoped
public class ChangeStreams {

    private static final Logger LOG = Logger.getLogger(ChangeStreams.class);
    private static final int PAGE = 500;

    @Inject
    ChangeFeed feed;

    @Inject
    ChangeLog log;

    @Inject
    StreamsConfig config;

    /**
     * The stream for one client.
     *
     * @param filter      what it wants (include {@code type} to keep one kind of change)
     * @param lastEventId the {@code Last-Event-ID} header, or null to start from now
     * @throws ProblemException 400 when lastEventId is not an event id of this stream
     */
    public Multi<OutboundSseEvent> stream(Sse sse, ChangeFilter filter, String lastEventId) {
        Long resumeAfter = parseLastEventId(lastEventId);
        Multi<OutboundSseEvent> changes = Multi.createFrom().<OutboundSseEvent> emitter(
                emitter -> new Tap(sse, filter, emitter).start(resumeAfter), BackPressureStrategy.ERROR)
                .onOverflow().buffer(config.clientBuffer());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(config.heartbeat()).every(config.heartbeat())
                .onOverflow().drop()
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }

    static Long parseLastEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(lastEventId.trim());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID must be the id of an event of this stream (a non-negative integer), not '"
                    + (lastEventId.length() > 40 ? lastEventId.substring(0, 40) + "…" : lastEventId) + "'.");
        }
    }

    /** One client: buffers live changes until the replay from the log has caught up. */
    private final class Tap implements ChangeFeed.Listener {
        private final Sse sse;
        private final ChangeFilter filter;
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private List<LoggedChange> buffer = new ArrayList<>();
        private long cursor = Long.MAX_VALUE; // nothing goes out before the replay sets it

        Tap(Sse sse, ChangeFilter filter, MultiEmitter<? super OutboundSseEvent> emitter) {
            this.sse = sse;
            this.filter = filter;
            this.emitter = emitter;
        }

        /**
         * Without Last-Event-ID the stream starts at the log's current end, read before
         * registering, so every change committed after the opening comment is sent.
         */
        void start(Long resumeAfter) {
            emitter.onTermination(() -> feed.removeListener(this));
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    long after = resumeAfter == null ? log.latestSeq() : resumeAfter;
                    feed.addListener(this);
                    if (emitter.isCancelled()) {
                        feed.removeListener(this); // the client left before we got here
                        return;
                    }
                    emitter.emit(sse.newEventBuilder().comment("crossflight change stream")
                            .reconnectDelay(config.retry().toMillis()).build());
                    replay(after);
                } catch (Exception e) {
                    LOG.warnf("change stream cannot read the change log: %s", e.getMessage());
                    emitter.fail(e);
                }
            });
        }

        @Override
        public void onChange(LoggedChange change) {
            synchronized (this) {
                if (buffer != null) {
                    buffer.add(change);
                    return;
                }
                send(change);
            }
        }

        /** Sends the log after {@code after}, then what arrived live meanwhile; from then on live changes go straight out. */
        private void replay(long after) throws Exception {
            synchronized (this) {
                cursor = after;
            }
            while (!emitter.isCancelled()) {
                List<LoggedChange> page = log.readAfter(after, PAGE);
                synchronized (this) {
                    page.forEach(this::send);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            synchronized (this) {
                buffer.forEach(this::send);
                buffer = null;
            }
        }

        /** Called with the monitor held, in seq order. */
        private void send(LoggedChange change) {
            if (change.seq() <= cursor) {
                return;
            }
            cursor = change.seq();
            if (filter.matches(change) && !emitter.isCancelled()) {
                emitter.emit(sse.newEventBuilder()
                        .id(Long.toString(change.seq()))
                        .name(change.type())
                        .data(change.messageJson())
                        .build());
            }
        }
    }
}
