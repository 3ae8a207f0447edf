package triage.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/**
 * Logging for {@code triage serve}: one line per event on standard error, as text (with the event's
 * key-value pairs) or as flat JSON objects ({@link FlatJsonEncoder}), at INFO for the service's own
 * logger. Replaces the appender of {@code logback.xml}, which suits the one-shot commands.
 */
public final class ServiceLogging {

    private ServiceLogging() {
    }

    public static void configure(String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: leave it to its own configuration
        }
        Encoder<ILoggingEvent> encoder;
        if ("json".equals(format)) {
            encoder = new FlatJsonEncoder();
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20} - %msg %kvp%n");
            encoder = pattern;
        }
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("SERVICE");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        String level = System.getenv("TRIAGE_LOG_LEVEL");
        context.getLogger("triage").setLevel(level == null || level.isBlank() ? Level.INFO : Level.toLevel(level, Level.INFO));
    }
}
