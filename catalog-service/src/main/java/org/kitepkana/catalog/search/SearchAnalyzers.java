package org.kitepkana.catalog.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.kitepkana.catalog.record.domain.TextFolding;

/** The analyzers of the search index, by field suffix. */
final class SearchAnalyzers {

  static final String FOLDED = "_fold";
  static final String RUSSIAN = "_ru";

  private SearchAnalyzers() {}

  /** Russian light stemming, ё as е: "книги", "книга" and "Книгу" meet. */
  static Analyzer russian() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new YoFilter(stream);
        return new TokenStreamComponents(source, new RussianLightStemFilter(stream));
      }
    };
  }

  /** One folded Latin key per word, the same folding the union catalogue matches with. */
  static Analyzer folded() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new FoldingFilter(new LowerCaseFilter(source)));
      }
    };
  }

  static Analyzer perField() {
    Analyzer russian = russian();
    Analyzer folded = folded();
    Map<String, Analyzer> fields = new java.util.HashMap<>();
    for (String f : new String[] {"title", "author", "subject", "all"}) {
      fields.put(f + FOLDED, folded);
      fields.put(f + RUSSIAN, russian);
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }

  private static final class FoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    FoldingFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (input.incrementToken()) {
        String folded = TextFolding.fold(term.toString()).replace(" ", "");
        if (!folded.isEmpty()) {
          term.setEmpty().append(folded);
          return true;
        }
      }
      return false;
    }
  }

  private static final class YoFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    YoFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] buffer = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (buffer[i] == 'ё') {
          buffer[i] = 'е';
        }
      }
      return true;
    }
  }
}
