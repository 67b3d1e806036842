package org.parley.platform.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Formats a log record as one JSON object on one line: timestamp, level, logger, thread, message and, when there is
 * one, the exception with its stack trace. Jackson escapes every value, so a message can never break the line.
 */
public final class JsonLineFormatter extends ExtFormatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(ExtLogRecord record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("thread", record.getThreadName());
        line.put("message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", trace.toString());
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unformattable log record\"}" + System.lineSeparator();
        }
    }
}
