package triage.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The service's OpenAPI document ({@code openapi.yaml} beside this class), served at {@code GET /v1/openapi.yaml}. */
final class OpenApi {

    private static final byte[] DOCUMENT = load();

    private OpenApi() {
    }

    static byte[] document() {
        return DOCUMENT;
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.yaml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
