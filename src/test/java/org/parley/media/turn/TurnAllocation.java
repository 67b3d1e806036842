package org.parley.media.turn;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal TURN client over UDP (RFC 5766 Allocate with RFC 5389 long-term credentials), enough to ask a real
 * TURN server whether it accepts a username and credential: Allocate without credentials, learn realm and nonce
 * from the 401, Allocate again with MESSAGE-INTEGRITY. Answers the final response's class and error code.
 */
final class TurnAllocation {

    /** The TURN server's answer: success, or the error code it gave. */
    record Outcome(boolean allocated, int errorCode) {
    }

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING = 0x0001;
    private static final int ALLOCATE = 0x0003;
    private static final int REFRESH = 0x0004;
    private static final int LIFETIME = 0x000D;
    private static final int SUCCESS = 0x0100;
    private static final int ERROR = 0x0110;
    private static final int USERNAME = 0x0006;
    private static final int MESSAGE_INTEGRITY = 0x0008;
    private static final int ERROR_CODE = 0x0009;
    private static final int REALM = 0x0014;
    private static final int NONCE = 0x0015;
    private static final int REQUESTED_TRANSPORT = 0x0019;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TurnAllocation() {
    }

    /** Whether the server answers a STUN binding request within the timeout. */
    static boolean answersBinding(InetSocketAddress server, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(timeoutMillis);
            return exchange(socket, server, message(BINDING, Map.of(), null)) != null;
        }
    }

    /** Tries to allocate a UDP relay with this username and credential (the TURN REST API's password). */
    static Outcome allocate(InetSocketAddress server, String username, String credential) throws IOException {
        try (Client client = new Client(server, username, credential)) {
            return client.allocate();
        }
    }

    /** One client socket (one 5-tuple, so one allocation) that keeps the realm, nonce and key it authenticated with. */
    static final class Client implements AutoCloseable {
        private final DatagramSocket socket;
        private final InetSocketAddress server;
        private final String username;
        private final String credential;
        private byte[] realm;
        private byte[] nonce;
        private byte[] key;

        Client(InetSocketAddress server, String username, String credential) throws IOException {
            this.socket = new DatagramSocket();
            this.socket.setSoTimeout(3000);
            this.server = server;
            this.username = username;
            this.credential = credential;
        }

        Outcome allocate() throws IOException {
            Map<Integer, byte[]> transport = Map.of(REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
            Response challenge = exchange(socket, server, message(ALLOCATE, transport, null));
            if (challenge == null || challenge.errorCode() != 401) {
                throw new IOException("expected a 401 challenge, got " + challenge);
            }
            realm = challenge.attributes().get(REALM);
            nonce = challenge.attributes().get(NONCE);
            key = md5(username + ":" + new String(realm, StandardCharsets.UTF_8) + ":" + credential);
            return authenticated(ALLOCATE, REQUESTED_TRANSPORT, transport.get(REQUESTED_TRANSPORT));
        }

        /** Refreshes this client's allocation for another ten minutes, with the credentials it allocated with. */
        Outcome refresh() throws IOException {
            return authenticated(REFRESH, LIFETIME, new byte[] {0, 0, 0x02, 0x58});
        }

        private Outcome authenticated(int method, int attribute, byte[] value) throws IOException {
            Map<Integer, byte[]> attributes = new LinkedHashMap<>();
            attributes.put(attribute, value);
            attributes.put(USERNAME, username.getBytes(StandardCharsets.UTF_8));
            attributes.put(REALM, realm);
            attributes.put(NONCE, nonce);
            Response answer = exchange(socket, server, message(method, attributes, key));
            if (answer == null) {
                throw new IOException("no answer to the authenticated request");
            }
            return new Outcome(answer.type() == (method | SUCCESS), answer.errorCode());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private record Response(int type, int errorCode, Map<Integer, byte[]> attributes) {
        @Override
        public String toString() {
            return "Response[type=0x" + Integer.toHexString(type) + ", error=" + errorCode + "]";
        }
    }

    private static Response exchange(DatagramSocket socket, InetSocketAddress server, byte[] request)
            throws IOException {
        byte[] buffer = new byte[2048];
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(request, request.length, server));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            return parse(Arrays.copyOf(packet.getData(), packet.getLength()));
        }
        return null;
    }

    /** A STUN message; with a key, MESSAGE-INTEGRITY over everything before it (its length already counted). */
    private static byte[] message(int type, Map<Integer, byte[]> attributes, byte[] key) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(1024);
        for (Map.Entry<Integer, byte[]> attribute : attributes.entrySet()) {
            byte[] value = attribute.getValue();
            body.putShort((short) (int) attribute.getKey()).putShort((short) value.length).put(value);
            body.put(new byte[(4 - value.length % 4) % 4]);
        }
        int length = body.position() + (key == null ? 0 : 24);
        ByteBuffer message = ByteBuffer.allocate(20 + length);
        byte[] transaction = new byte[12];
        RANDOM.nextBytes(transaction);
        message.putShort((short) type).putShort((short) length).putInt(MAGIC_COOKIE).put(transaction);
        message.put(body.array(), 0, body.position());
        if (key != null) {
            byte[] signed = Arrays.copyOf(message.array(), message.position());
            message.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(hmacSha1(key, signed));
        }
        return message.array();
    }

    private static Response parse(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int type = buffer.getShort() & 0xffff;
        int length = buffer.getShort() & 0xffff;
        buffer.position(20);
        Map<Integer, byte[]> attributes = new LinkedHashMap<>();
        while (buffer.position() < 20 + length) {
            int attribute = buffer.getShort() & 0xffff;
            byte[] value = new byte[buffer.getShort() & 0xffff];
            buffer.get(value);
            buffer.position(buffer.position() + (4 - value.length % 4) % 4);
            attributes.put(attribute, value);
        }
        int errorCode = 0;
        byte[] error = attributes.get(ERROR_CODE);
        if ((type & 0x0110) == ERROR && error != null) {
            errorCode = (error[2] & 0x7) * 100 + (error[3] & 0xff);
        }
        return new Response(type, errorCode, attributes);
    }

    private static byte[] md5(String text) throws IOException {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
