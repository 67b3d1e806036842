package org.parley.document.grant;

/** What a document grant lets its holder do, once. */
public enum GrantPurpose {
    /** Send one document into the place the holder was in when asking. */
    UPLOAD,
    /** Fetch the document of one item. */
    DOWNLOAD
}
