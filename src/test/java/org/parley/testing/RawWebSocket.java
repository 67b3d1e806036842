package org.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written on a plain socket, for what well-behaved clients cannot do: any request line and
 * {@code Host} header, raw frames (invalid UTF-8, binary), and a receive buffer that is simply never read.
 */
public final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The server's answer to an upgrade request: its status, its refusal header, and the socket if it upgraded. */
    public record Answer(int status, String refusal, RawWebSocket socket) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Sends an upgrade request for {@code rawPath} exactly as given. {@code headers} may override {@code Host}; a
     * null value leaves a header out. {@code receiveBuffer} (bytes, 0 for the default) is set before connecting.
     */
    public static Answer upgrade(URI server, String rawPath, Map<String, String> headers, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            RawWebSocket raw = new RawWebSocket(socket);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", server.getHost() + ":" + server.getPort());
            all.put("Upgrade", "websocket");
            all.put("Connection", "Upgrade");
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            all.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(nonce));
            all.put("Sec-WebSocket-Version", "13");
            all.putAll(headers);
            StringBuilder request = new StringBuilder("GET " + rawPath + " HTTP/1.1\r\n");
            all.forEach((name, value) -> {
                if (value != null) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            request.append("\r\n");
            raw.out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            raw.out.flush();
            String head = raw.readHead();
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            String refusal = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("x-parley-refusal:")) {
                    refusal = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            if (status != 101) {
                socket.close();
                return new Answer(status, refusal, null);
            }
            return new Answer(status, refusal, raw);
        } catch (IOException e) {
            throw new IllegalStateException("upgrade request failed", e);
        }
    }

    /** The upgrade headers a browser page on {@code origin} sends with a room ticket. */
    public static Map<String, String> roomHeaders(String origin, String ticket) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Origin", origin);
        headers.put("Sec-WebSocket-Protocol", ticket == null ? "parley.v1" : "parley.v1, ticket." + ticket);
        return headers;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends one masked frame with this opcode (1 text, 2 binary) and payload, as a client must. */
    public void sendFrame(int opcode, byte[] payload) {
        sendFrameStart(opcode, payload.length, payload);
    }

    /**
     * Sends the start of a frame that announces {@code declaredLength} payload bytes but carries only
     * {@code payload}: how a server that refuses by the announced length sees a huge frame.
     */
    public void sendFrameStart(int opcode, long declaredLength, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (declaredLength < 126) {
                frame.write(0x80 | (int) declaredLength);
            } else if (declaredLength < 65536) {
                frame.write(0x80 | 126);
                frame.write((int) (declaredLength >>> 8));
                frame.write((int) (declaredLength & 0xff));
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) (declaredLength >>> shift) & 0xff);
                }
            }
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the frame could not be sent", e);
        }
    }

    /** One frame from the server: its opcode and payload (a close frame's payload starts with its code). */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    /** Reads the next frame (unfragmented, as this server sends them); null when the connection ended. */
    public Frame readFrame() {
        try {
            int first = in.read();
            int second = in.read();
            if (first < 0 || second < 0) {
                return null;
            }
            long length = second & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            return new Frame(first & 0x0f, payload);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads frames until a close frame arrives; answers its code, or -1 when the connection ended without one. */
    public int awaitClose() {
        for (Frame frame = readFrame(); frame != null; frame = readFrame()) {
            if (frame.opcode() == 8) {
                return frame.closeCode();
            }
        }
        return -1;
    }

    /** Reads frames until a text frame containing this text arrives; null if none did. */
    public String awaitText(String contains) {
        for (Frame frame = readFrame(); frame != null; frame = readFrame()) {
            if (frame.opcode() == 1 && frame.text().contains(contains)) {
                return frame.text();
            }
            if (frame.opcode() == 8) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
