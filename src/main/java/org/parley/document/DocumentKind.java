package org.parley.document;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of document Parley accepts, each with the one media type it is served as and the names it may carry. */
public enum DocumentKind {
    PDF("application/pdf", Set.of("pdf"), true),
    PNG("image/png", Set.of("png"), true),
    JPEG("image/jpeg", Set.of("jpg", "jpeg"), true),
    TEXT("text/plain", Set.of("txt", "text", "md", "csv"), false);

    private final String mediaType;
    private final Set<String> extensions;
    private final boolean inline;

    DocumentKind(String mediaType, Set<String> extensions, boolean inline) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.inline = inline;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether a browser may show it in the page (PDF and images); text is always downloaded. */
    public boolean inline() {
        return inline;
    }

    /** The kind a file name claims by its extension; empty for a name without one or with any other. */
    public static Optional<DocumentKind> claimedBy(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentKind kind : values()) {
            if (kind.extensions.contains(extension)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<DocumentKind> ofMediaType(String mediaType) {
        for (DocumentKind kind : values()) {
            if (kind.mediaType.equals(mediaType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
