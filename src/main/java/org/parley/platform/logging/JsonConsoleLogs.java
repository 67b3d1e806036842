package org.parley.platform.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Switches console logs to one JSON object per line when {@code parley.log.json} is true, for log collectors. Lines
 * written before the application has started keep the plain format.
 */
@ApplicationScoped
public class JsonConsoleLogs {

    private final boolean json;

    public JsonConsoleLogs(@ConfigProperty(name = "parley.log.json", defaultValue = "false") boolean json) {
        this.json = json;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (json) {
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(handler);
            }
        }
    }

    /** Gives every console handler at or below this handler the JSON formatter; answers how many it changed. */
    static int useJson(Handler handler) {
        int changed = 0;
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new JsonLineFormatter());
            changed++;
        }
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                changed += useJson(child);
            }
        }
        return changed;
    }
}
