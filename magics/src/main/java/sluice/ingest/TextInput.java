package sluice.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import sluice.magic.UsageError;

/**
 * A text file's bytes as the CSV reader takes them: gunzipped, past any byte-order mark, and turned
 * into UTF-8 when the file's encoding is not one byte per character with ASCII as is (UTF-16,
 * Shift_JIS, …), so separators and quotes are always single ASCII bytes.
 *
 * @param charset    the file's encoding
 * @param bom        bytes of byte-order mark to skip
 * @param how        how the encoding was chosen, for the report
 */
record TextInput(Charset charset, int bom, String how) {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The encoding of a file starting with {@code head}: {@code --encoding}, else its byte-order mark, else UTF-8 if valid, else windows-1252. */
    static TextInput of(byte[] head, int end, String encoding) {
        Charset given = encoding == null ? null : charset(encoding);
        Charset marked = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? StandardCharsets.UTF_8
                : head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE ? StandardCharsets.UTF_16LE
                : head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF ? StandardCharsets.UTF_16BE : null;
        int bomLength = marked == StandardCharsets.UTF_8 ? 3 : marked != null ? 2 : 0;
        if (given != null) {
            // a UTF-16 mark says which byte order --encoding UTF-16 means; another mark is text the user asked for
            boolean sameFamily = marked != null && family(given).equals(family(marked));
            return new TextInput(sameFamily ? marked : given, sameFamily ? bomLength : 0, "--encoding");
        }
        if (marked != null) {
            return new TextInput(marked, bomLength, "its byte-order mark");
        }
        return isUtf8(head, end) ? new TextInput(StandardCharsets.UTF_8, 0, null)
                : new TextInput(WINDOWS_1252, 0, "the bytes are not UTF-8; give --encoding NAME if it is another");
    }

    /** The charset of the bytes {@link #open} gives. */
    Charset bytesCharset() {
        return asciiBytes(charset) ? charset : StandardCharsets.UTF_8;
    }

    /** For the report: "Text encoding: UTF-8." and how it was chosen. */
    String describe() {
        return "Text encoding: " + charset.name() + (how == null ? "." : " (" + how + ").");
    }

    /** The file's raw bytes, decompressed when it ends in .gz. */
    static InputStream raw(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** The file's raw bytes past a UTF-8 byte-order mark, for readers of UTF-8 only (JSON). */
    static InputStream rawUtf8(Path file) throws IOException {
        InputStream in = new BufferedInputStream(raw(file), 1 << 16);
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return in;
    }

    /** The file's text as bytes in {@link #bytesCharset}, without the byte-order mark. */
    InputStream open(Path file) throws IOException {
        InputStream in = raw(file);
        in.skipNBytes(bom);
        return asciiBytes(charset) ? in : new Utf8Stream(new InputStreamReader(in, charset));
    }

    /** The charset named, or a usage error listing close names. */
    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Charset.availableCharsets().values().forEach(c -> {
                names.put(c.name(), c.name());
                c.aliases().forEach(alias -> names.putIfAbsent(alias, c.name()));
            });
            LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
            String typed = simple(name);
            String close = String.join(", ", names.keySet().stream()
                    .sorted(Comparator.comparingInt((String n) -> distance.apply(typed, simple(n))).thenComparing(n -> n))
                    .map(names::get).distinct().limit(4).toList());
            throw new UsageError("Unknown encoding '" + name + "'. Close names: " + close
                    + ". Common ones: UTF-8, windows-1252, ISO-8859-1, UTF-16.");
        }
    }

    private static String family(Charset charset) {
        return charset.name().startsWith("UTF-16") ? "UTF-16" : charset.name();
    }

    private static String simple(String name) {
        return name.toLowerCase().replaceAll("[-_ ]", "");
    }

    /** Whether every character is one byte and ASCII bytes mean ASCII (UTF-8 counts: its other bytes are never ASCII). */
    private static boolean asciiBytes(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1) {
            return false;
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        return new String(ascii, charset).equals(new String(ascii, StandardCharsets.US_ASCII));
    }

    private static boolean isUtf8(byte[] bytes, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Characters from a reader as UTF-8 bytes; a surrogate pair split between two reads is kept whole. */
    private static final class Utf8Stream extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[1 << 15];
        private int kept;
        private byte[] bytes = new byte[0];
        private int at;

        Utf8Stream(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (at == bytes.length) {
                int n = reader.read(chars, kept, chars.length - kept);
                if (n < 0) {
                    if (kept == 0) {
                        return -1;
                    }
                    n = 0;
                }
                int total = kept + n;
                int whole = n > 0 && Character.isHighSurrogate(chars[total - 1]) ? total - 1 : total;
                bytes = new String(chars, 0, whole).getBytes(StandardCharsets.UTF_8);
                at = 0;
                kept = total - whole;
                if (kept > 0) {
                    chars[0] = chars[total - 1];
                }
            }
            int n = Math.min(len, bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
