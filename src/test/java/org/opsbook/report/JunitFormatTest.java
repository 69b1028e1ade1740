package org.opsbook.report;

import org.opsbook.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitFormatTest {
  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    try {
      URL xsd = JunitFormatTest.class.getResource("junit.xsd");
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void validate(String xml) throws SAXException, IOException {
    Validator validator = SCHEMA.newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void mixedReportValidatesAgainstTheJunitSchema() throws Exception {
    validate(ReportFixtures.render(new JunitFormat(), ReportFixtures.mixed()));
  }

  @Test
  void schemaRejectsATestCaseWithoutAName() {
    String broken =
        "<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\">"
            + "<testcase classname=\"a\"/></testsuite></testsuites>";
    assertThrows(SAXException.class, () -> validate(broken));
  }

  @Test
  void oneTestCasePerSnippetAndPerTestBlockPlusDocumentFindings() throws Exception {
    Document doc = parse(ReportFixtures.render(new JunitFormat(), ReportFixtures.mixed()));
    NodeList cases = doc.getElementsByTagName("testcase");
    // 4 snippets + 1 test block + 1 document case for the broken link in tor-nat.
    assertEquals(6, cases.getLength());
    Element root = doc.getDocumentElement();
    assertEquals("6", root.getAttribute("tests"));
    assertEquals("4", root.getAttribute("failures"));
    assertEquals("opsbook check", root.getAttribute("name"));
  }

  @Test
  void snippetWithErrorsFailsWithItsDiagnostics() throws Exception {
    Element failing = caseNamed("sshd_config snippet at line 12");
    Element failure = (Element) failing.getElementsByTagName("failure").item(0);
    assertEquals("unknown keyword 'PermitRootLogn': 50% sure, a typo, line 14 [sshd.unknown-keyword]",
        failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains(
        "content/articles/ssh bastion/index.md:14:1: error: unknown keyword 'PermitRootLogn'"));
    assertTrue(failure.getTextContent().contains("hint: did you mean PermitRootLogin?"));
    String out = failing.getElementsByTagName("system-out").item(0).getTextContent();
    assertTrue(out.contains("warning: root can log in <yes> & more [sshd.permit-root-login]"), out);
  }

  @Test
  void uncheckedSnippetIsSkippedAndCleanSnippetPasses() throws Exception {
    Element shell = caseNamed("shell snippet at line 40");
    assertEquals(1, shell.getElementsByTagName("skipped").getLength());
    Element clean = caseNamed("iptables snippet at line 50");
    assertEquals(0, clean.getChildNodes().getLength());
  }

  @Test
  void failedTestBlockNamesTheFailingCase() throws Exception {
    Element block = caseNamed("test block for nat at line 60");
    Element failure = (Element) block.getElementsByTagName("failure").item(0);
    assertEquals("1 of 2 test cases failed: udp 10.0.0.2:5353 -> 1.1.1.1:53 => DROP", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("expected DROP, got ACCEPT"));
  }

  @Test
  void controlCharactersAreReplacedSoTheXmlStaysWellFormed() throws Exception {
    Element doc = caseNamed("document");
    assertTrue(doc.getElementsByTagName("failure").item(0).getTextContent().contains("does not resolve\uFFFD"));
  }

  @Test
  void outputMatchesGoldenFile() throws IOException {
    Golden.assertMatches("org/opsbook/report/mixed.junit.expected", ReportFixtures.render(new JunitFormat(), ReportFixtures.mixed()));
  }

  private static Element caseNamed(String name) throws Exception {
    Document doc = parse(ReportFixtures.render(new JunitFormat(), ReportFixtures.mixed()));
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no test case " + name);
  }
}
