package org.opsbook.markdown;

/** A heading for the table of contents and the search index. */
public record TocEntry(int level, String text, String id) {}
