package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {
    @Test
    void unquotedFieldsOfEveryLength_splitLikeAPlainSplit_forEachSeparatorAndLineEnd() {
        Random random = new Random(11);
        String alphabet = "abcXYZ019.-_é";
        for (char separator : new char[] {',', ';', '\t', '|'}) {
            for (String lineEnd : new String[] {"\n", "\r\n"}) {
                List<List<String>> expected = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (int r = 0; r < 300; r++) {
                    List<String> row = new ArrayList<>();
                    for (int f = 0; f < 1 + random.nextInt(6); f++) {
                        StringBuilder field = new StringBuilder();
                        for (int i = random.nextInt(20); i > 0; i--) {
                            field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                        row.add(field.toString());
                    }
                    if (row.size() == 1 && row.get(0).isEmpty()) {
                        continue;
                    }
                    expected.add(row);
                    text.append(String.join(String.valueOf(separator), row)).append(lineEnd);
                }
                assertThat(tokenize(text.toString(), separator)).as("separator %s, line end %s", separator, lineEnd.length())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void quotedFields_holdSeparatorsLineBreaksAndDoubledQuotes_andCountLines() {
        String text = "a,\"b,\n\"\"c\"\"\",\" d \"\r\n\n\"x\"y,z\n";
        CsvTokenizer tokens = new CsvTokenizer(',');
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int next = tokens.next(b, 0, b.length, true);
        assertThat(fields(tokens, b)).containsExactly("a", "b,\n\"c\"", " d ");
        assertThat(tokens.lines).as("the quoted line break and the record's own").isEqualTo(2);
        next = tokens.next(b, next, b.length, true);
        assertThat(fields(tokens, b)).containsExactly("xy", "z");
        assertThat(tokens.lines).as("then a blank line and the second record's").isEqualTo(4);
        assertThat(tokens.next(b, next, b.length, true)).isEqualTo(CsvTokenizer.END);
    }

    @Test
    void recordCutByTheEndOfTheBuffer_isIncompleteUnlessTheDataEnds() {
        byte[] b = "a,\"open\nstill".getBytes(StandardCharsets.UTF_8);
        assertThat(new CsvTokenizer(',').next(b, 0, b.length, false)).isEqualTo(CsvTokenizer.INCOMPLETE);
        assertThat(new CsvTokenizer(',').next(b, 0, b.length, true)).isEqualTo(CsvTokenizer.UNCLOSED_QUOTE);
        byte[] plain = "a,b".getBytes(StandardCharsets.UTF_8);
        assertThat(new CsvTokenizer(',').next(plain, 0, plain.length, false)).isEqualTo(CsvTokenizer.INCOMPLETE);
        assertThat(new CsvTokenizer(',').next(plain, 0, plain.length, true)).isEqualTo(plain.length);
    }

    private static List<List<String>> tokenize(String text, char separator) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        CsvTokenizer tokens = new CsvTokenizer(separator);
        List<List<String>> rows = new ArrayList<>();
        int pos = 0;
        while ((pos = tokens.next(b, pos, b.length, true)) >= 0) {
            rows.add(fields(tokens, b));
        }
        return rows;
    }

    private static List<String> fields(CsvTokenizer tokens, byte[] b) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < tokens.count; i++) {
            fields.add(tokens.field(b, i, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
