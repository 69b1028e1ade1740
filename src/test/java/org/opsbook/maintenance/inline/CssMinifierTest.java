package org.opsbook.maintenance.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CssMinifierTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a {\\n  color: red;\\n  margin: 0 auto;\\n}\\n| a{color: red;margin: 0 auto;}",
    "h1,\\n h2 { x: 1 }| h1,h2{x: 1}",
    "a :hover{}| a :hover{}",
    "a::before { content: \"two  spaces ; {kept}\" }| a::before{content: \"two  spaces ; {kept}\"}",
    "b { content: 'it\\'s  fine' }| b{content: 'it\\'s  fine'}",
    "@media (max-width: 40rem) {\\n  .x { y: z }\\n}| @media (max-width: 40rem){.x{y: z}}",
  })
  void dropsOnlyWhitespaceTheBrowserIgnores(String css, String expected) {
    assertEquals(expected, CssMinifier.minify(css.replace("\\n", "\n")));
  }
}
