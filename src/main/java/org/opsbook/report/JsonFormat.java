package org.opsbook.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.opsbook.diag.Diagnostic;

/**
 * A JSON array with one object per diagnostic and exactly the fields {@code file}, {@code line},
 * {@code column}, {@code severity}, {@code rule}, {@code message}, and {@code hint} when present.
 */
public final class JsonFormat implements ReportFormat {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "json";
  }

  @Override
  public void write(Report report, ReportOptions options, PrintWriter out) {
    ArrayNode array = mapper.createArrayNode();
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode o = array.addObject();
      o.put("file", d.where().file());
      o.put("line", d.where().line());
      o.put("column", d.where().column());
      o.put("severity", d.severity().label());
      o.put("rule", d.rule().value());
      o.put("message", d.message());
      d.hintText().ifPresent(h -> o.put("hint", h));
    }
    try {
      out.print(mapper.writeValueAsString(array).replace("\r\n", "\n") + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON report", e);
    }
  }
}
