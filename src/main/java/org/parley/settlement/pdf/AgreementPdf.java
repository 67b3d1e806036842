package org.parley.settlement.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.parley.settlement.SignedAgreement;

/**
 * Renders a signed settlement agreement as a PDF: the text, then its SHA-256, the completion time and every
 * signature. The same agreement always gives the same bytes (fixed dates, an id derived from the hash), so every
 * signer and the court receive one identical file. Blocking work: call it on a worker thread.
 */
public final class AgreementPdf {

    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** DejaVu Sans, from the {@code jasperreports-fonts} artifact: it covers Latin, Greek, Cyrillic and more. */
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String REGULAR = FONTS + "DejaVuSans.ttf";
    private static final String BOLD = FONTS + "DejaVuSans-Bold.ttf";

    /** The label of the hash line, which readers (and the tests) look for. */
    public static final String HASH_LABEL = "SHA-256 of the text: ";

    public byte[] render(SignedAgreement agreement) {
        try (PDDocument document = new PDDocument()) {
            // Embedded as subsets: the file carries only the glyphs it shows, and reads the same on any machine.
            PDFont regular = font(document, REGULAR);
            PDFont bold = font(document, BOLD);
            Writer writer = new Writer(document);
            writer.line(bold, 16, "Settlement agreement");
            writer.blank();
            for (String paragraph : agreement.text().split("\r?\n", -1)) {
                writer.wrapped(regular, FONT_SIZE, paragraph);
            }
            writer.blank();
            writer.line(bold, FONT_SIZE, "Record");
            writer.wrapped(regular, FONT_SIZE, HASH_LABEL + agreement.textSha256());
            writer.line(regular, FONT_SIZE, "Completed: " + TIME.format(agreement.completedAt()));
            writer.line(regular, FONT_SIZE, "Filed with the court: " + (agreement.filed() ? "yes, by every party"
                    : "no"));
            writer.blank();
            writer.line(bold, FONT_SIZE, "Signatures");
            for (SignedAgreement.Signer signer : agreement.signers()) {
                String capacity = signer.witness() ? "witness (" + signer.role() + ")" : "party";
                writer.wrapped(regular, FONT_SIZE, signer.name() + ", " + capacity + ", signed "
                        + TIME.format(signer.signedAt()) + (signer.witness() ? ""
                        : signer.fileWithCourt() ? ", asked to file it with the court" : ", did not ask to file it"));
            }
            writer.close();
            fixMetadata(document, agreement);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the settlement agreement", e);
        }
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = AgreementPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the agreement's font is missing from the class path: " + resource);
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** Dates from the agreement and an id from its hash, never the clock or chance: the bytes are reproducible. */
    private static void fixMetadata(PDDocument document, SignedAgreement agreement) {
        PDDocumentInformation info = document.getDocumentInformation();
        Calendar completed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        completed.setTimeInMillis(agreement.completedAt().toEpochMilli());
        info.setCreationDate(completed);
        info.setModificationDate(completed);
        info.setTitle("Settlement agreement");
        info.setProducer("Parley");
        byte[] id = agreement.textSha256().substring(0, 32).getBytes(StandardCharsets.US_ASCII);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    /** Lays lines out top to bottom, page after page. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void blank() throws IOException {
            advance(LEADING);
        }

        void line(PDFont font, float size, String text) throws IOException {
            advance(size > FONT_SIZE ? size + 6 : LEADING);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(encodable(font, text));
            stream.endText();
        }

        void wrapped(PDFont font, float size, String text) throws IOException {
            for (String line : wrap(font, size, encodable(font, text))) {
                line(font, size, line);
            }
        }

        private void advance(float by) throws IOException {
            if (y - by < MARGIN) {
                newPage();
            }
            y -= by;
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (current.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
                while (font.getStringWidth(current.toString()) / 1000 * size > width && current.length() > 1) {
                    // A word longer than the line (a hash, say) is cut where it no longer fits.
                    int cut = current.length() - 1;
                    while (cut > 1 && font.getStringWidth(current.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(current.substring(0, cut));
                    current = new StringBuilder(current.substring(cut));
                }
            }
            lines.add(current.toString());
            return lines;
        }

        void close() throws IOException {
            stream.close();
        }
    }

    /**
     * A character the font has no glyph for (Chinese, say) is shown as '?' (the hash covers the exact text, which
     * every signer read in the session); a tab as four spaces, other control characters as '?'.
     */
    static String encodable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            boolean ok;
            try {
                ok = codePoint >= 0x20 && font.encode(character).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                ok = false;
            }
            out.append(ok ? character : codePoint == '\t' ? "    " : "?");
        });
        return out.toString();
    }
}
