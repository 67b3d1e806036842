package org.parley.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Decides what a document is from its bytes, never from its name alone: the bytes must be exactly one accepted kind,
 * structurally whole with nothing appended (so that a file cannot be two formats at once), and the name and any
 * declared media type must say the same kind. Plain Java, tested without the server.
 */
public final class ContentCheck {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PDF names that make a document act (run script, launch, carry files); refused wherever they appear unpacked. */
    private static final Set<String> ACTIVE_PDF_NAMES = Set.of("JavaScript", "JS", "Launch", "EmbeddedFile",
            "EmbeddedFiles", "RichMedia");
    /** Markup a browser would treat as a page if it ever sniffed; refused at the start of a text document. */
    private static final List<String> MARKUP_STARTS = List.of("<!doctype", "<html", "<head", "<body", "<script",
            "<svg", "<?xml", "<iframe", "<object", "<embed");

    private ContentCheck() {
    }

    /**
     * The kind of these bytes, when they are one accepted kind and the name (and a declared media type other than
     * {@code application/octet-stream}, when given) claim the same; otherwise {@link DocumentErrors#TYPE_REFUSED}.
     */
    public static DocumentKind check(String name, Optional<String> declaredType, byte[] bytes) {
        if (bytes.length == 0) {
            throw DocumentErrors.typeRefused("the document is empty");
        }
        DocumentKind claimed = DocumentKind.claimedBy(name)
                .orElseThrow(() -> DocumentErrors.typeRefused("the name does not end in an accepted type"));
        DocumentKind found = sniff(bytes);
        if (found != claimed) {
            throw DocumentErrors.typeRefused("the content is not what its name says");
        }
        Optional<String> declared = declaredType.map(ContentCheck::bareType)
                .filter(type -> !type.isEmpty() && !type.equals("application/octet-stream"));
        if (declared.isPresent() && !declared.get().equals(found.mediaType())) {
            throw DocumentErrors.typeRefused("the content is not the declared media type");
        }
        Optional<String> flaw = switch (found) {
            case PDF -> pdfFlaw(bytes);
            case PNG -> pngFlaw(bytes);
            case JPEG -> jpegFlaw(bytes);
            case TEXT -> textFlaw(bytes);
        };
        if (flaw.isPresent()) {
            throw DocumentErrors.typeRefused(flaw.get());
        }
        return found;
    }

    private static DocumentKind sniff(byte[] bytes) {
        if (startsWith(bytes, PDF_MAGIC)) {
            return DocumentKind.PDF;
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return DocumentKind.PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return DocumentKind.JPEG;
        }
        return DocumentKind.TEXT;
    }

    /** A PDF ends with its last {@code %%EOF} (white space aside) and names no active content outside streams. */
    private static Optional<String> pdfFlaw(byte[] bytes) {
        int end = lastIndexOf(bytes, PDF_END);
        if (end < 0) {
            return Optional.of("the PDF has no end marker");
        }
        for (int i = end + PDF_END.length; i < bytes.length; i++) {
            if (!isPdfWhitespace(bytes[i])) {
                return Optional.of("data follows the end of the PDF");
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 's' && startsAt(bytes, i, STREAM) && i + STREAM.length < bytes.length
                    && (bytes[i + STREAM.length] == '\r' || bytes[i + STREAM.length] == '\n')) {
                // Stream data is binary (often compressed): a chance "/JS" in it means nothing, so it is skipped.
                int endstream = indexOf(bytes, ENDSTREAM, i + STREAM.length);
                if (endstream < 0) {
                    return Optional.of("a PDF stream has no end");
                }
                i = endstream + ENDSTREAM.length - 1;
                continue;
            }
            if (bytes[i] == '/') {
                int start = i + 1;
                int j = start;
                while (j < bytes.length && !isPdfDelimiter(bytes[j]) && !isPdfWhitespace(bytes[j])) {
                    j++;
                }
                if (ACTIVE_PDF_NAMES.contains(decodePdfName(bytes, start, j))) {
                    return Optional.of("the PDF carries active content");
                }
                i = j - 1;
            }
        }
        return Optional.empty();
    }

    /** Names may spell characters as {@code #hh}; decoded so that {@code /Java#53cript} is seen for what it is. */
    private static String decodePdfName(byte[] bytes, int from, int to) {
        StringBuilder name = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (bytes[i] == '#' && i + 2 < to && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                name.append((char) (hex(bytes[i + 1]) * 16 + hex(bytes[i + 2])));
                i += 2;
            } else {
                name.append((char) (bytes[i] & 0xff));
            }
        }
        return name.toString();
    }

    /** A PNG is its signature, then whole chunks with good checksums from IHDR to IEND, and nothing after. */
    private static Optional<String> pngFlaw(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(PNG_MAGIC.length);
        boolean first = true;
        while (in.remaining() >= 12) {
            long length = in.getInt() & 0xffffffffL;
            int typeAt = in.position();
            if (length > in.remaining() - 8) {
                return Optional.of("a PNG chunk runs past the end");
            }
            String type = new String(bytes, typeAt, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return Optional.of("a PNG chunk has no valid type");
            }
            if (first && !type.equals("IHDR")) {
                return Optional.of("the PNG does not begin with its header");
            }
            first = false;
            CRC32 crc = new CRC32();
            crc.update(bytes, typeAt, 4 + (int) length);
            in.position(typeAt + 4 + (int) length);
            if ((in.getInt() & 0xffffffffL) != crc.getValue()) {
                return Optional.of("a PNG chunk's checksum is wrong");
            }
            if (type.equals("IEND")) {
                return in.hasRemaining() ? Optional.of("data follows the end of the PNG") : Optional.empty();
            }
        }
        return Optional.of("the PNG has no end chunk");
    }

    /**
     * A JPEG is SOI, marker segments, entropy-coded scans, and EOI as its very last two bytes. Bytes inside a scan
     * are skipped up to the next marker; fill bytes and restart markers belong to the scan.
     */
    private static Optional<String> jpegFlaw(byte[] bytes) {
        int i = 2;
        boolean inScan = false;
        while (i < bytes.length) {
            if (inScan) {
                if ((bytes[i] & 0xff) != 0xff || i + 1 >= bytes.length) {
                    i++;
                    continue;
                }
                int next = bytes[i + 1] & 0xff;
                if (next == 0x00 || (next >= 0xd0 && next <= 0xd7) || next == 0xff) {
                    i += next == 0xff ? 1 : 2;
                    continue;
                }
                inScan = false;
            }
            if ((bytes[i] & 0xff) != 0xff) {
                return Optional.of("the JPEG's structure is broken");
            }
            while (i < bytes.length && (bytes[i] & 0xff) == 0xff) {
                i++;
            }
            if (i >= bytes.length) {
                return Optional.of("the JPEG ends inside a marker");
            }
            int marker = bytes[i] & 0xff;
            i++;
            if (marker == 0xd9) {
                return i == bytes.length ? Optional.empty() : Optional.of("data follows the end of the JPEG");
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
                continue;
            }
            if (i + 2 > bytes.length) {
                return Optional.of("a JPEG segment runs past the end");
            }
            int length = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            if (length < 2 || i + length > bytes.length) {
                return Optional.of("a JPEG segment runs past the end");
            }
            i += length;
            inScan = marker == 0xda;
        }
        return Optional.of("the JPEG has no end marker");
    }

    /** Strict UTF-8, no control characters but tab, line breaks and form feed, and not markup in disguise. */
    private static Optional<String> textFlaw(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("the text is not UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
                return Optional.of("the text holds control characters");
            }
        }
        String start = text.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (MARKUP_STARTS.stream().anyMatch(start::startsWith)) {
            return Optional.of("the text is markup");
        }
        return Optional.empty();
    }

    private static String bareType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean startsAt(byte[] bytes, int at, byte[] needle) {
        return at + needle.length <= bytes.length && Arrays.equals(bytes, at, at + needle.length, needle, 0,
                needle.length);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        for (int i = from; i + needle.length <= bytes.length; i++) {
            if (startsAt(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle) {
        for (int i = bytes.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPdfWhitespace(byte b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    private static boolean isPdfDelimiter(byte b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xff), 16);
    }
}
