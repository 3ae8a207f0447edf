import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean HTTP/1.1 load generator for the alert handler service (loopback only): C keep-alive connections,
 * one thread each, N requests in all, per-request latency. Prints one line: requests/s, p50, p99, errors.
 *
 *   java bench/LoadGen.java PORT PATH REQUESTS CONNECTIONS [BODY_FILE [EXPECT]] [TOKEN]
 *
 * With BODY_FILE the requests are POSTs of that file; EXPECT is a string every answer must contain.
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = args[1];
        int total = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        byte[] body = args.length > 4 && !args[4].isEmpty() ? Files.readAllBytes(Path.of(args[4])) : null;
        byte[] expect = args.length > 5 && !args[5].isEmpty() ? args[5].getBytes(StandardCharsets.UTF_8) : null;
        String token = args.length > 6 ? args[6] : System.getenv("TRIAGE_TOKEN");
        StringBuilder head = new StringBuilder(body == null ? "GET " : "POST ").append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\n");
        if (token != null && !token.isEmpty()) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = body == null ? headBytes : concat(headBytes, body);

        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        String[] errorText = new String[1];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            threads[c] = new Thread(() -> {
                Socket socket = null;
                try {
                    socket = connect(port);
                    ready.countDown();
                    go.await();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    OutputStream out = socket.getOutputStream();
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long start = System.nanoTime();
                        String problem;
                        try {
                            out.write(request);
                            out.flush();
                            problem = readResponse(in, expect);
                        } catch (IOException e) {
                            problem = e.toString();
                            socket.close();
                            socket = connect(port);
                            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                            out = socket.getOutputStream();
                        }
                        latencies[i] = System.nanoTime() - start;
                        if (problem != null && errors.getAndIncrement() == 0) {
                            errorText[0] = problem;
                            firstError.set(i);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    errorText[0] = e.toString();
                    ready.countDown();
                } finally {
                    try {
                        if (socket != null) {
                            socket.close();
                        }
                    } catch (IOException ignored) {
                    }
                }
            }, "load-" + c);
            threads[c].start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-18s %6d requests  %3d conns  %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d%s%n",
                path, total, connections, total / seconds, latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                latencies[total - 1] / 1e6, errors.get(), errors.get() > 0 ? "  (first: " + errorText[0] + ")" : "");
        if (errors.get() > 0) {
            System.exit(1);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(30_000);
        return s;
    }

    /** Reads one response (status line, headers, Content-Length body); null when it is a 200 holding EXPECT. */
    private static String readResponse(InputStream in, byte[] expect) throws IOException {
        String status = line(in);
        int length = -1;
        String h;
        while (!(h = line(in)).isEmpty()) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the answer: " + status);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed mid-answer");
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            return status + " " + new String(body, StandardCharsets.UTF_8).strip();
        }
        if (expect != null && indexOf(body, expect) < 0) {
            return "answer without " + new String(expect, StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        throw new IOException("connection closed");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
