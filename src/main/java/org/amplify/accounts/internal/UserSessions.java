package org.amplify.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's signed-in sessions, on every node: sessions live in PostgreSQL (Spring Session JDBC),
 * indexed by the user name. Inside a transaction the sessions end once it commits, so a change that
 * is rolled back signs nobody out.
 */
@Component
public class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user. */
    public void endAll(String username, String why) {
        endAllBut(username, null, why);
    }

    /** Ends every session of the user but the one with this id (the user's own, when they act). */
    public void endAllBut(String username, String keptSessionId, String why) {
        Runnable end = () -> {
            int ended = 0;
            for (String id : sessions.findByPrincipalName(username).keySet()) {
                if (!id.equals(keptSessionId)) {
                    sessions.deleteById(id);
                    ended++;
                }
            }
            if (ended > 0) {
                log.info("Ended {} session(s) of user '{}': {}", ended, username, why);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }
}
