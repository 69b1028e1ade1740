package org.opsbook.content;

/** What a Markdown source becomes. */
public enum Kind {
  /** {@code articles/<slug>/index.md}: dated, tagged, listed, in feeds. */
  ARTICLE,
  /** {@code <name>.md} at the content root: a standalone page such as About. */
  PAGE
}
