package org.parley.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.DelayedHandler;
import org.junit.jupiter.api.Test;

class JsonConsoleLogsTest {

    @Test
    void consoleHandlersNestedInDelayingHandlersWriteOneJsonObjectPerRecord() throws Exception {
        ConsoleHandler console = new ConsoleHandler();
        DelayedHandler delayed = new DelayedHandler();
        delayed.addHandler(console);

        assertEquals(1, JsonConsoleLogs.useJson(delayed));

        JsonLineFormatter formatter = assertInstanceOf(JsonLineFormatter.class, console.getFormatter());
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "session %s refused: \"%s\"", ExtLogRecord.FormatStyle.PRINTF,
                JsonConsoleLogsTest.class.getName());
        record.setParameters(new Object[] {"s-1", "ticket_expired"});
        record.setLoggerName("org.parley.test");
        JsonNode line = new ObjectMapper().readTree(formatter.format(record));
        assertEquals("WARNING", line.path("level").asText());
        assertEquals("org.parley.test", line.path("logger").asText());
        assertEquals("session s-1 refused: \"ticket_expired\"", line.path("message").asText());
        assertEquals(1, formatter.format(record).lines().count(), "one line per record");
    }
}
