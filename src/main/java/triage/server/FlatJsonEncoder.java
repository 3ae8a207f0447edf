package triage.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;

/**
 * One flat JSON object per log event, as log shippers index best: {@code time} (ISO-8601), {@code level},
 * {@code logger}, {@code message}, then the event's key-value pairs as top-level fields (numbers stay
 * numbers), and {@code error} with the stack trace when there is one. No nested lists of one-key objects.
 */
final class FlatJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "message", "thread", "error");

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("message", event.getFormattedMessage());
            g.writeStringField("thread", event.getThreadName());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    String key = RESERVED.contains(kv.key) ? "kv_" + kv.key : kv.key;
                    g.writeFieldName(key);
                    if (kv.value instanceof Number n) {
                        if (n instanceof Double || n instanceof Float) {
                            g.writeNumber(n.doubleValue());
                        } else {
                            g.writeNumber(n.longValue());
                        }
                    } else if (kv.value instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(String.valueOf(kv.value));
                    }
                }
            }
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                g.writeStringField("error", ThrowableProxyUtil.asString(t));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
