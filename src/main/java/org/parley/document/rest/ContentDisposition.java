package org.parley.document.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a served document: inline only for kinds a browser shows safely, else attachment. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** An ASCII fallback name plus the exact UTF-8 name (RFC 6266, RFC 8187), so no header injection is possible. */
    static String of(boolean inline, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String exact = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
