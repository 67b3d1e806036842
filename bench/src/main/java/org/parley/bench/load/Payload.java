package org.parley.bench.load;

/**
 * The text a simulated participant sends: who sent it, its number, the kind of place it was sent from ({@code j}
 * joint room, {@code c} caucus), and the time it was meant to leave (open loop:
 * latency runs from that intended time, so a generator that falls behind cannot hide the delay it causes), padded
 * to a fixed size. Only letters, digits and {@code |}, so it needs no escaping inside a JSON string.
 */
public record Payload(int sender, int number, long intendedNanos, char place) {

    private static final String MARK = "bench";

    public String encode(int size) {
        StringBuilder text = new StringBuilder(size).append(MARK).append('|').append(sender).append('|')
                .append(number).append('|').append(intendedNanos).append('|').append(place).append('|');
        while (text.length() < size) {
            text.append('x');
        }
        return text.toString();
    }

    /** The payload in {@code text}, or null when the text is not one. */
    public static Payload decode(String text) {
        if (!text.startsWith(MARK + "|")) {
            return null;
        }
        int a = MARK.length() + 1;
        int b = text.indexOf('|', a);
        int c = text.indexOf('|', b + 1);
        int d = text.indexOf('|', c + 1);
        if (b < 0 || c < 0 || d < 0 || d + 1 >= text.length()) {
            return null;
        }
        return new Payload(Integer.parseInt(text, a, b, 10), Integer.parseInt(text, b + 1, c, 10),
                Long.parseLong(text, c + 1, d, 10), text.charAt(d + 1));
    }
}
