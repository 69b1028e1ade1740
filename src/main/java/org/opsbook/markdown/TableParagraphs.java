package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;

/**
 * flexmark's table pre-processor, asked only about paragraphs that have a {@code |} in them. Every
 * table row has one; a paragraph without one is no table, which is also the first thing flexmark's
 * pre-processor checks. flexmark made that pre-processor for every document, reading all of the
 * table options each time, and scanned every paragraph for the pipe one character at a time: 2 % of
 * a large build. Here the pre-processor is made on the first paragraph with a pipe, and the scan
 * reads the source string.
 */
final class TableParagraphs implements ParagraphPreProcessorFactory, WrapsFlexmark {
  private final ParagraphPreProcessorFactory flexmark = TableParagraphPreProcessor.Factory();

  @Override
  public ParagraphPreProcessor apply(ParserState documentState) {
    return new ParagraphPreProcessor() {
      private ParagraphPreProcessor tables;

      @Override
      public int preProcessBlock(Paragraph block, ParserState state) {
        if (!SourceChars.contains(block.getChars(), '|')) {
          return 0;
        }
        if (tables == null) {
          tables = flexmark.apply(documentState);
        }
        return tables.preProcessBlock(block, state);
      }
    };
  }

  @Override
  public ParagraphPreProcessorFactory wrapped() {
    return flexmark;
  }
}
