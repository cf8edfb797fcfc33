package org.amplify.questions.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.amplify.questions.SubquestionsAnswered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes answers to the workspace pages that show their subquestions: each open page holds one
 * server-sent-event stream; when a subquestion of its workspace gets an answer (on any node: the
 * event comes from PostgreSQL's notification after the commit), the stream sends an {@code answered} event with the subquestion's id, and the page fetches that
 * one row. Streams end after {@link #TIMEOUT}; the browser reconnects and catches up.
 */
@Component
class AnswerStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(AnswerStream.class);

    private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    /** A new stream of the workspace's answers. */
    SseEmitter open(long workspaceId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> ofWorkspace = streams.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet());
        ofWorkspace.add(emitter);
        Runnable remove = () -> streams.computeIfPresent(workspaceId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("answers of workspace " + workspaceId));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    /** How many pages are listening, for tests and the logs. */
    int listeners(long workspaceId) {
        return streams.getOrDefault(workspaceId, Set.of()).size();
    }

    @EventListener
    void answered(SubquestionsAnswered event) {
        for (SubquestionsAnswered.Answered answered : event.answered()) {
            for (SseEmitter emitter : List.copyOf(streams.getOrDefault(answered.workspaceId(), Set.of()))) {
                try {
                    emitter.send(SseEmitter.event().name("answered").data(answered.subquestionId()));
                } catch (IOException | IllegalStateException e) { // the page went away: its stream is done
                    log.debug("Stream of workspace {} closed: {}", answered.workspaceId(), e.toString());
                    emitter.completeWithError(e);
                }
            }
        }
    }
}
