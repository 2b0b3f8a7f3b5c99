package org.kitepkana.catalog.marc.adapter.out.marc4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kitepkana.catalog.marc.application.MarcSource;
import org.kitepkana.catalog.marc.domain.RecordIssue;
import org.kitepkana.catalog.marc.domain.SourceEncoding;
import org.marc4j.MarcError;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * Reads an ISO 2709 file: {@link Iso2709Framer} cuts it into records, marc4j's {@link
 * MarcPermissiveStreamReader} parses each one (repairing what it can in the directory and field
 * lengths, which is reported as a warning), then every field is decoded in the record's encoding
 * and the record is mapped. marc4j is told the data is ISO-8859-1 (leader/09 blanked), which keeps
 * every byte as it is, so the encoding decision and its errors are this class's, per record.
 */
final class Iso2709Reader implements MarcSource.Reader {

  private final InputStream in;
  private final Iso2709Framer framer;
  private final FeedStream feed = new FeedStream();
  private final MarcPermissiveStreamReader marc4j =
      new MarcPermissiveStreamReader(feed, true, false, "ISO8859_1");
  private final FieldDecoder decoder = new FieldDecoder();
  private final SourceEncoding requested;
  private final MarcMapping mapping;

  Iso2709Reader(InputStream in, SourceEncoding requested, MarcMapping mapping) {
    this.in = in;
    this.framer = new Iso2709Framer(in);
    this.requested = requested;
    this.mapping = mapping;
  }

  @Override
  public MarcSource.SourceRecord next() throws IOException {
    Iso2709Framer.Frame frame = framer.next();
    if (frame == null) {
      return null;
    }
    if (frame instanceof Iso2709Framer.Broken broken) {
      return skipped(
          broken.position(),
          RawRecords.controlNumber(broken.head()),
          broken.offset(),
          broken.reason());
    }
    return read((Iso2709Framer.Whole) frame);
  }

  /** Parses, decodes and maps one framed record. */
  MarcSource.SourceRecord read(Iso2709Framer.Whole frame) {
    byte[] bytes = frame.bytes();
    String controlNumber = RawRecords.controlNumber(bytes);
    List<String> warnings = new ArrayList<>();
    if (frame.warning() != null) {
      warnings.add(frame.warning());
    }
    char leader09 = (char) (bytes[9] & 0xff);
    SourceEncoding encoding = encoding(bytes, leader09);
    bytes[9] = ' ';
    feed.load(bytes);
    Record record;
    try {
      record = marc4j.next();
    } catch (RuntimeException e) {
      String problem = RawRecords.directoryProblem(frame.bytes());
      return skipped(
          frame.position(),
          controlNumber,
          frame.offset(),
          "unreadable record structure (leader or directory): "
              + (problem == null ? message(e) : problem));
    }
    List<MarcError> errors = record.getErrors() == null ? List.of() : record.getErrors();
    for (MarcError error : errors) {
      if (error.severity >= MarcError.FATAL) {
        String problem = RawRecords.directoryProblem(frame.bytes());
        return skipped(
            frame.position(),
            controlNumber,
            frame.offset(),
            "broken record: " + (problem == null ? describe(error) : problem));
      }
    }
    List<String> repairs = new ArrayList<>();
    for (MarcError error : errors) {
      if (error.severity >= MarcError.ERROR_TYPO) {
        repairs.add("repaired: " + describe(error));
      }
    }
    if (!repairs.isEmpty()) {
      String problem = RawRecords.directoryProblem(frame.bytes());
      warnings.addAll(
          problem == null
              ? repairs.stream().distinct().toList()
              : List.of("repaired: " + problem + "; read up to the field terminator"));
    }
    String failure = decode(record, encoding, leader09);
    if (failure != null) {
      return skipped(frame.position(), controlNumber, frame.offset(), failure);
    }
    Leader leader = record.getLeader();
    leader.setCharCodingScheme('a');
    MarcMapping.Result mapped = mapping.map(record, frame.position(), frame.offset(), warnings);
    if (mapped instanceof MarcMapping.Failed failed) {
      return skipped(frame.position(), failed.controlNumber(), frame.offset(), failed.reason());
    }
    return new MarcSource.Readable(((MarcMapping.Mapped) mapped).record(), encoding.name());
  }

  private SourceEncoding encoding(byte[] bytes, char leader09) {
    if (requested != SourceEncoding.AUTO) {
      return requested;
    }
    if (leader09 == 'a') {
      return SourceEncoding.UTF_8;
    }
    int base = RawRecords.baseAddress(bytes);
    return FieldDecoder.guess(bytes, base > 0 && base < bytes.length ? base : 24);
  }

  /** Decodes every field in place; returns why it cannot, or null. */
  private String decode(Record record, SourceEncoding encoding, char leader09) {
    for (VariableField v : record.getVariableFields()) {
      try {
        if (v instanceof ControlField c) {
          c.setData(decoder.decode(raw(c.getData()), encoding));
        } else {
          for (Subfield s : ((DataField) v).getSubfields()) {
            s.setData(decoder.decode(raw(s.getData()), encoding));
          }
        }
      } catch (FieldDecoder.Undecodable e) {
        return "field "
            + v.getTag()
            + ": "
            + e.getMessage()
            + " ("
            + why(encoding, leader09)
            + "); if the file is in another encoding, upload it again with encoding=utf-8,"
            + " marc-8 or cp1251";
      }
    }
    return null;
  }

  private String why(SourceEncoding encoding, char leader09) {
    if (requested != SourceEncoding.AUTO) {
      return "read as " + encoding + ", as the upload asked";
    }
    if (leader09 == 'a') {
      return "leader/09 is 'a', which means UTF-8";
    }
    return "leader/09 is '" + leader09 + "', and the bytes look like " + encoding;
  }

  private static byte[] raw(String latin1) {
    return latin1 == null ? new byte[0] : latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String describe(MarcError error) {
    String field = error.curField;
    return error.message + (field == null || "n/a".equals(field) ? "" : " (field " + field + ")");
  }

  private static String message(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (cause != e && cause.getMessage() != null) {
      m = m + " (" + cause.getMessage() + ")";
    }
    return m;
  }

  private static MarcSource.Unreadable skipped(
      long position, String controlNumber, long offset, String reason) {
    return new MarcSource.Unreadable(RecordIssue.skipped(position, controlNumber, offset, reason));
  }

  @Override
  public long bytesRead() {
    return framer.offset();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
