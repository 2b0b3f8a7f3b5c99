package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.marc4j.MarcError;
import org.marc4j.MarcXmlHandler;
import org.marc4j.RecordStack;
import org.marc4j.marc.Record;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads a MARCXML file with marc4j's {@link MarcXmlHandler} (what {@code MarcXmlReader} runs),
 * streaming on a parser thread, on a parser hardened against XML attacks: no DOCTYPE, so no
 * external entities and no entity expansion. A record marc4j cannot build (a malformed leader, say)
 * is reported and skipped, and parsing goes on with the next record; a document that stops being
 * well-formed XML ends the reading there, with a report line saying where, since nothing after that
 * point can be read reliably.
 */
final class MarcXmlFileReader implements MarcSource.Reader {

  private sealed interface Item {}

  private record Parsed(Record record) implements Item {}

  private record BrokenRecord(String reason) implements Item {}

  private record Fatal(String reason) implements Item {}

  private record End() implements Item {}

  private final CountingStream in;
  private final MarcMapping mapping;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(64);
  private final Thread parser;
  private volatile boolean closed;
  private boolean ended;
  private long position;

  MarcXmlFileReader(InputStream in, MarcMapping mapping) {
    this.in = new CountingStream(in);
    this.mapping = mapping;
    this.parser = new Thread(this::parse, "marcxml-parser");
    this.parser.setDaemon(true);
    this.parser.start();
  }

  @Override
  public MarcSource.SourceRecord next() throws IOException {
    if (ended) {
      return null;
    }
    Item item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading MARCXML", e);
    }
    if (item instanceof End) {
      ended = true;
      return null;
    }
    position++;
    if (item instanceof Fatal fatal) {
      ended = true;
      return skipped(null, fatal.reason());
    }
    if (item instanceof BrokenRecord broken) {
      return skipped(null, broken.reason());
    }
    Record record = ((Parsed) item).record();
    List<String> warnings = new ArrayList<>();
    if (record.getErrors() != null) {
      for (MarcError error : record.getErrors()) {
        if (error.severity >= MarcError.FATAL) {
          return skipped(MarcMapping.control(record, "001"), "broken record: " + error.message);
        }
        if (error.severity >= MarcError.ERROR_TYPO) {
          warnings.add("repaired: " + error.message);
        }
      }
    }
    if (record.getLeader() == null) {
      return skipped(MarcMapping.control(record, "001"), "the record has no leader");
    }
    MarcMapping.Result mapped = mapping.map(record, position, -1, warnings);
    if (mapped instanceof MarcMapping.Failed failed) {
      return skipped(failed.controlNumber(), failed.reason());
    }
    return new MarcSource.Readable(((MarcMapping.Mapped) mapped).record(), "UTF_8");
  }

  private MarcSource.Unreadable skipped(String controlNumber, String reason) {
    return new MarcSource.Unreadable(RecordIssue.skipped(position, controlNumber, -1, reason));
  }

  @Override
  public long bytesRead() {
    return in.count;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    in.close();
    queue.clear();
    try {
      parser.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.clear();
  }

  private void parse() {
    try {
      XMLReader reader = hardenedReader();
      reader.setContentHandler(new RecordByRecord());
      reader.parse(new InputSource(in));
      put(new End());
    } catch (SAXParseException e) {
      put(
          new Fatal(
              "the MARCXML is not well-formed at line "
                  + e.getLineNumber()
                  + ", column "
                  + e.getColumnNumber()
                  + ": "
                  + e.getMessage()
                  + "; nothing after this point could be read"));
      put(new End());
    } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
      if (!closed) {
        put(new Fatal("the MARCXML could not be read further: " + e.getMessage()));
      }
      put(new End());
    }
  }

  private void put(Item item) {
    while (!closed) {
      try {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static XMLReader hardenedReader() throws SAXException, ParserConfigurationException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    XMLReader reader = factory.newSAXParser().getXMLReader();
    reader.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
    return reader;
  }

  /** Where marc4j's handler hands over each record it built. */
  private final class Handoff extends RecordStack {
    @Override
    public void push(Record record) {
      put(new Parsed(record));
    }

    @Override
    public void end() {
      // The parse thread says when it ends.
    }

    @Override
    public void passException(RuntimeException e) {
      // Failures are caught around the handler instead.
    }
  }

  /**
   * Runs marc4j's handler, but when it fails inside a record, reports that record and skips the
   * rest of it, then carries on with a fresh handler for the next record.
   */
  private final class RecordByRecord implements ContentHandler {
    private final Handoff handoff = new Handoff();
    private MarcXmlHandler handler = new MarcXmlHandler(handoff);
    private int depth;
    private int recordDepth = -1;
    private String brokenReason;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      if (closed) {
        throw new SAXException("reader closed");
      }
      depth++;
      if (isRecord(localName, qName) && recordDepth < 0) {
        recordDepth = depth;
        brokenReason = null;
      }
      if (brokenReason == null) {
        guard(() -> handler.startElement(uri, localName, qName, atts));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (brokenReason == null) {
        guard(() -> handler.endElement(uri, localName, qName));
      }
      if (depth == recordDepth) {
        if (brokenReason != null) {
          put(new BrokenRecord(brokenReason));
          handler = new MarcXmlHandler(handoff);
          brokenReason = null;
        }
        recordDepth = -1;
      }
      depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (brokenReason == null) {
        guard(() -> handler.characters(ch, start, length));
      }
    }

    private void guard(SaxCall call) throws SAXException {
      try {
        call.run();
      } catch (RuntimeException e) {
        if (recordDepth < 0) {
          throw new SAXException(
              "not MARCXML: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        brokenReason =
            "the record could not be read: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }

    private boolean isRecord(String localName, String qName) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      int colon = name.indexOf(':');
      return "record".equals(colon < 0 ? name : name.substring(colon + 1));
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      handler.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
      handler.startDocument();
    }

    @Override
    public void endDocument() {
      // The parse thread ends the queue after parse() returns.
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {}

    @Override
    public void endPrefixMapping(String prefix) {}

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {}

    @Override
    public void processingInstruction(String target, String data) {}

    @Override
    public void skippedEntity(String name) {}
  }

  @FunctionalInterface
  private interface SaxCall {
    void run() throws SAXException;
  }

  /** Counts the bytes the parser has taken, for progress. */
  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
