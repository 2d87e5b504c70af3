package io.pbxhooks.server.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Everything the server logs while it is open, as text: what goes through logback (SLF4J) and what goes through
 * java.util.logging (where {@code System.Logger}, e.g. the admin API's error mapping, ends up without a bridge).
 * The project's own loggers are turned up to DEBUG meanwhile, so that a secret in a debug line is caught too.
 */
public final class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger project = context.getLogger("io.pbxhooks");
    private final Level projectLevel = project.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final List<String> julLines = new ArrayList<>();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (julLines) {
                julLines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        project.setLevel(Level.DEBUG);
        julRoot.addHandler(julHandler);
    }

    /** Every line logged so far, with its logger, level, message and any stack trace. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        for (ILoggingEvent event : events) {
            String throwable = event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage() + throwable);
        }
        synchronized (julLines) {
            lines.addAll(julLines);
        }
        return lines;
    }

    @Override
    public void close() {
        julRoot.removeHandler(julHandler);
        project.setLevel(projectLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
