package org.opsbook.checker.iptables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.opsbook.check.Snippet;
import org.opsbook.diag.SourceSpan;

/** Test helper: the fenced blocks of an article, with attributes as the pipeline reads them. */
public final class ArticleSnippets {
  private ArticleSnippets() {}

  public static List<Snippet> read(Path file, String relative) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("```") || l.length() == 3) {
        continue;
      }
      String[] info = l.substring(3).replace("{", " ").replace("}", " ").trim().split("\\s+");
      TreeMap<String, String> attrs = new TreeMap<>();
      for (int k = 1; k < info.length; k++) {
        put(attrs, info[k]);
      }
      if (i > 0 && lines.get(i - 1).startsWith("<!-- opsbook:")) {
        String c = lines.get(i - 1).replace("<!-- opsbook:", "").replace("-->", "").trim();
        for (String a : c.split("\\s+")) {
          put(attrs, a);
        }
      }
      int start = i + 1;
      int end = start;
      while (!lines.get(end).equals("```")) {
        end++;
      }
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        body.append(lines.get(k)).append('\n');
      }
      out.add(new Snippet(info[0], body.toString(), new SourceSpan(relative, start + 1, 1), 0, attrs, new SourceSpan(relative, i + 1, 1)));
      i = end;
    }
    return out;
  }

  private static void put(TreeMap<String, String> attrs, String a) {
    int eq = a.indexOf('=');
    if (eq < 0) {
      attrs.put(a, "true");
    } else {
      attrs.put(a.substring(0, eq), a.substring(eq + 1));
    }
  }
}
