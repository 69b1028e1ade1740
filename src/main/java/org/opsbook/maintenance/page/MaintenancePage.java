package org.opsbook.maintenance.page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One maintenance page as its author described it in {@code content/maintenance/NAME.md}.
 *
 * @param name the file name without {@code .md}; the output folder's name
 * @param sourceFile the project-relative path, for diagnostics
 * @param title the heading and the document title
 * @param message the one-line summary under the heading; may be empty
 * @param bodyMarkdown the Markdown after the front matter: details, what is happening
 * @param expectedEnd when the work should be over, with its offset, if known
 * @param retryAfterSeconds the {@code Retry-After} header value
 * @param refreshSeconds how often the open page reloads itself; 0 for never
 * @param links contact and status links, contact first
 * @param allow addresses and networks that reach the real site
 * @param bypassSecret the secret URL segment that sets the bypass cookie, if any
 * @param server how the generated configs reach the application and where files live
 */
public record MaintenancePage(
    String name,
    String sourceFile,
    String title,
    String message,
    String bodyMarkdown,
    Optional<OffsetDateTime> expectedEnd,
    int retryAfterSeconds,
    int refreshSeconds,
    List<PageLink> links,
    List<AllowEntry> allow,
    Optional<String> bypassSecret,
    ServerSettings server) {

  public MaintenancePage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
    Objects.requireNonNull(expectedEnd, "expectedEnd");
    Objects.requireNonNull(bypassSecret, "bypassSecret");
    Objects.requireNonNull(server, "server");
    links = List.copyOf(links);
    allow = List.copyOf(allow);
  }

  public MaintenancePage withServer(ServerSettings newServer) {
    return new MaintenancePage(name, sourceFile, title, message, bodyMarkdown, expectedEnd, retryAfterSeconds,
        refreshSeconds, links, allow, bypassSecret, newServer);
  }

  public MaintenancePage withAllow(List<AllowEntry> newAllow) {
    return new MaintenancePage(name, sourceFile, title, message, bodyMarkdown, expectedEnd, retryAfterSeconds,
        refreshSeconds, links, newAllow, bypassSecret, server);
  }
}
