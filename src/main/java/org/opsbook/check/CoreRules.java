package org.opsbook.check;

import java.util.List;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/** The rules of the pipeline itself: front matter, attributes, links, expectations, tests. */
public final class CoreRules {
  public static final RuleId CONFIG = RuleId.of("opsbook.config");
  public static final RuleId FRONT_MATTER = RuleId.of("opsbook.front-matter");
  public static final RuleId ATTRIBUTE = RuleId.of("opsbook.attribute");
  public static final RuleId UNKNOWN_RULE = RuleId.of("opsbook.unknown-rule");
  public static final RuleId EXPECTATION = RuleId.of("opsbook.expectation");
  public static final RuleId CHECKER_FAILURE = RuleId.of("opsbook.checker-failure");
  public static final RuleId TEST_TARGET = RuleId.of("opsbook.test-target");
  public static final RuleId TEST_FAILED = RuleId.of("opsbook.test-failed");
  public static final RuleId TEST_SYNTAX = RuleId.of("opsbook.test-syntax");
  public static final RuleId TEST_UNSUPPORTED = RuleId.of("opsbook.test-unsupported");
  public static final RuleId QUERY_UNSUPPORTED = RuleId.of("opsbook.query-unsupported");
  public static final RuleId BROKEN_LINK = RuleId.of("opsbook.broken-link");
  public static final RuleId BROKEN_ANCHOR = RuleId.of("opsbook.broken-anchor");
  public static final RuleId MISSING_IMAGE = RuleId.of("opsbook.missing-image");
  public static final RuleId IMAGE_ALT = RuleId.of("opsbook.image-alt");
  public static final RuleId DUPLICATE_ID = RuleId.of("opsbook.duplicate-id");
  public static final RuleId DUPLICATE_URL = RuleId.of("opsbook.duplicate-url");
  public static final RuleId TEMPLATE = RuleId.of("opsbook.template");
  public static final RuleId IO = RuleId.of("opsbook.io");
  // Hostile and careless input (the Safety section of the README).
  public static final RuleId SYMLINK = RuleId.of("opsbook.symlink");
  public static final RuleId ENCODING = RuleId.of("opsbook.encoding");
  public static final RuleId UNSAFE_URL = RuleId.of("opsbook.unsafe-url");
  public static final RuleId EXTERNAL_RESOURCE = RuleId.of("opsbook.external-resource");
  public static final RuleId RAW_HTML = RuleId.of("opsbook.raw-html");
  public static final RuleId MARKDOWN_LIMIT = RuleId.of("opsbook.markdown-limit");

  public static final List<RuleInfo> ALL = List.of(
      info(CONFIG, Severity.ERROR, "opsbook.yaml has an unknown key or a bad value",
          "The site configuration is read strictly: a misspelt key such as `baseurl` would otherwise be ignored "
              + "and the site published with wrong links. Fix the key or value the message names; the README lists "
              + "every setting."),
      info(FRONT_MATTER, Severity.ERROR, "front matter is missing, not YAML, or has a bad field",
          "Every Markdown file starts with a YAML block between `---` lines. Articles need `title` and `date` "
              + "(YYYY-MM-DD); `tags` and `aliases` are lists; `draft` is true or false; `updated` cannot precede "
              + "`date`. Unknown keys are warnings, because they are usually typos of known ones."),
      info(ATTRIBUTE, Severity.ERROR, "a snippet attribute cannot be read",
          "Attributes follow the language in the fence's info string (`sshd_config {file=/etc/ssh/sshd_config}`) "
              + "or sit in an `<!-- opsbook: ... -->` comment on the line before the fence. Values with spaces "
              + "need double quotes; `expect=` and `ignore=` take rule IDs."),
      info(UNKNOWN_RULE, Severity.ERROR, "expect= or ignore= names a rule that does not exist",
          "A misspelt rule ID in `ignore=` would silently ignore nothing, and in `expect=` could never be met. "
              + "`opsbook explain --list` prints every rule ID."),
      info(EXPECTATION, Severity.ERROR, "a snippet marked expect= does not fail as announced",
          "A deliberately wrong example (`expect=error` or, better, `expect=RULE-ID`) must really be wrong, "
              + "and wrong for the reason the article gives. When the checker finds no error, or not the named "
              + "rule, the example has stopped illustrating the mistake the text talks about: fix the example, or "
              + "the rule it names."),
      info(CHECKER_FAILURE, Severity.ERROR, "a checker failed on a snippet",
          "A checker threw an exception instead of returning findings. That is a bug in opsbook, not in the "
              + "snippet; report it with the snippet text. `check=off` on the snippet lets the build go on."),
      info(TEST_TARGET, Severity.ERROR, "a test block names no snippet, or one that does not exist",
          "A ```` ```test for=ID ```` block runs its cases against the snippet whose `id=` is ID in the same "
              + "article. The snippet must exist and be read by a checker with an executable model."),
      info(TEST_FAILED, Severity.ERROR, "a test case in a test block failed",
          "The executable model of the snippet's checker produced something other than what the test case "
              + "states. Either the snippet does not do what the article claims, or the claim is wrong; the "
              + "message shows the expected and the actual outcome."),
      new RuleInfo(TEST_SYNTAX, Severity.ERROR, "a test case or query cannot be read",
          "Every test block uses one grammar: `QUESTION => EXPECTED`, one case per line, where an indented line "
              + "continues the question (or, after `=>`, the expected answer), `=>` may also start a line of its own, "
              + "and blank or `#` lines separate cases. Each checker reads its own questions and answers: a packet "
              + "for iptables, a connection for sshd, a header for Postfix. The message says what part could not be "
              + "read; the checker's section of the README shows its question grammar.",
          false, List.of("sshd.bad-query", "ssh.bad-test-case", "authkeys.bad-test-case", "iptables.test-syntax",
              "postfix.test-syntax")),
      info(TEST_UNSUPPORTED, Severity.ERROR, "a test block targets a language with no executable model",
          "Only checkers with an executable model (sshd_config, iptables, Postfix tables, ...) can run test "
              + "blocks."),
      info(QUERY_UNSUPPORTED, Severity.ERROR, "opsbook query on a language with no executable model",
          "Only checkers with an executable model answer queries."),
      info(BROKEN_LINK, Severity.ERROR, "a relative link points at nothing the site builds",
          "Links between articles are written as relative paths (`../other-article/` or "
              + "`../other-article/index.md`) and checked at build time. A link to an article, page or file "
              + "that does not exist would be a 404 on the published site."),
      info(BROKEN_ANCHOR, Severity.ERROR, "a link's #fragment names no heading or anchor of the page it points at",
          "A link such as `../hardening-sshd/index.md#reload-not-restart` or `#reload-not-restart` leads to a "
              + "heading of that page. Heading ids are the heading's text in lower case with spaces as hyphens; "
              + "renaming a heading changes its id and strands every link to it. The hint names the nearest id "
              + "that exists."),
      info(MISSING_IMAGE, Severity.ERROR, "an image file does not exist",
          "Images sit beside the article's index.md and are linked by file name. The file named is not there."),
      info(IMAGE_ALT, Severity.WARNING, "an image has no alt text",
          "Screen readers read the alt text in place of the image, and it shows when the image cannot load. "
              + "Describe what the image shows: `![Network diagram of the DMZ](dmz.png)`."),
      info(DUPLICATE_ID, Severity.ERROR, "two snippets in one article share an id",
          "Test blocks find their snippet by `id=`, so ids must be unique within an article."),
      info(DUPLICATE_URL, Severity.ERROR, "two sources would be published at the same URL",
          "An alias or page path collides with another page: one would overwrite the other."),
      info(TEMPLATE, Severity.ERROR, "a theme template failed to render",
          "A Pebble template of the theme has a syntax error or uses a variable that does not exist. The "
              + "message names the template and line."),
      info(IO, Severity.ERROR, "a file could not be read or written",
          "opsbook could not read a source file or write the output; the message says which and why."),
      info(SYMLINK, Severity.ERROR, "a symbolic link leads out of the content folder or the project, loops or is broken",
          "A link that leads out of the content folder (to `/etc/passwd`, to `/proc/self/environ`, which holds a CI "
              + "job's secrets, or to a folder elsewhere) would publish files that are not part of the project. opsbook "
              + "reads nothing through it. A link that stays inside the content folder is followed. Copy what belongs "
              + "to the site into the content folder and remove the link. The same holds for `opsbook.yaml`, the "
              + "content folder itself and the theme folders (`themes/`, `layouts/`): one that is, or holds, a link "
              + "out of the project is not read."),
      info(ENCODING, Severity.ERROR, "a source file is not valid UTF-8",
          "Markdown sources and opsbook.yaml are read as UTF-8. The message gives the line and the byte that cannot "
              + "be decoded; re-save the file as UTF-8 (`iconv -f latin1 -t utf-8`, or the editor's encoding menu)."),
      info(UNSAFE_URL, Severity.ERROR, "a link or image uses a javascript:, vbscript: or data: URL",
          "Such URLs run code or carry content that bypasses the site's Content-Security-Policy. They are refused "
              + "in every spelling a browser accepts (any case, character references, tabs and newlines inside, "
              + "control characters before), in Markdown links and images and in raw HTML whatever "
              + "`markdown.raw_html` says, and are removed from the page."),
      info(EXTERNAL_RESOURCE, Severity.ERROR, "an image, script, style or frame would load from another host",
          "The site promises to make no external requests: no CDN, no tracking pixel, no third-party script. "
              + "Put the file beside the article and link it by name; links to other sites are fine."),
      info(RAW_HTML, Severity.ERROR, "raw HTML in Markdown while markdown.raw_html is error",
          "With `markdown.raw_html: error` in opsbook.yaml, Markdown sources may not contain HTML tags (HTML "
              + "comments, such as `<!-- opsbook: ... -->`, stay allowed). `escape` shows such tags as text instead; "
              + "`allow`, the default, passes them through."),
      info(MARKDOWN_LIMIT, Severity.ERROR, "Markdown nests too deeply or a construct is too long to parse",
          "Lists, quotes and emphasis nested more than 100 levels deep, or a single construct too long for the "
              + "Markdown parser, would exhaust its stack. No real article needs them; the message points at the "
              + "line where the limit was reached."));

  private CoreRules() {}

  private static RuleInfo info(RuleId id, Severity severity, String summary, String explanation) {
    return new RuleInfo(id, severity, summary, explanation, false, List.of());
  }

  /** A diagnostic of one of these rules at its default severity. */
  public static Diagnostic diagnostic(RuleId rule, SourceSpan where, String message, String hint) {
    Severity severity = ALL.stream().filter(r -> r.id().equals(rule)).findFirst().map(RuleInfo::severity)
        .orElse(Severity.ERROR);
    return new Diagnostic(where, rule, severity, message, hint);
  }
}
