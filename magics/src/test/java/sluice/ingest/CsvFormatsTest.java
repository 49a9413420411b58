package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** How numbers, dates and encodings other than the plain ones read: right, or refused with what to give. */
class CsvFormatsTest {
    @TempDir
    Path dir;

    private IngestFixture fx() {
        return new IngestFixture(dir);
    }

    @Test
    void germanFile_withDecimalAndThousands_readsDecimals() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("de.csv", "name;preis\nA;1.234,56\nB;7,5\nC;-12\n") + " --sep ';' --decimal , --thousands .");
        assertThat(t.column("preis").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(t.doubleColumn("preis").asList()).containsExactly(1234.56, 7.5, -12.0);
    }

    @Test
    void decimalCommas_withoutOptions_readAsDecimals_neverIntegers_andTheReportSaysSo() throws Exception {
        IngestFixture fx = fx();
        String file = fx.write("euro.csv", "artikel;preis;menge\nA;123,45;3\nB;0,5;4\nC;10;5\n");
        IngestReport report = report(fx.session, file + " --sep ';'");
        Table t = fx.session.table();
        assertThat(t.column("preis").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(t.doubleColumn("preis").asList()).containsExactly(123.45, 0.5, 10.0);
        assertThat(t.intColumn("menge").asList()).containsExactly(3, 4, 5);
        assertThat(report.notes()).anyMatch(n -> n.contains("decimal commas") && n.contains("preis") && n.contains("--decimal ."));
    }

    @Test
    void commasThatCouldBeThousands_areRefused_namingBothOptions() {
        IngestFixture fx = fx();
        String error = fx.error(fx.write("k.csv", "id,n\n1,\"1,234\"\n2,\"12,500\"\n"));
        assertThat(error).contains("column 'n'").contains("'1,234'").contains("1234").contains("1.234")
                .contains("--thousands ,").contains("--decimal ,");
        Table t = fx.ingest(fx.write("k2.csv", "id,n\n1,\"1,234\"\n2,\"12,500\"\n") + " --thousands ,");
        assertThat(t.intColumn("n").asList()).containsExactly(1234, 12500);
    }

    @Test
    void decimalCommasPastTheSampledRows_areRefused_notReadAsText() {
        IngestFixture fx = fx();
        StringBuilder csv = new StringBuilder("a;b\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append(i).append(';').append(i % 10).append('\n');
        }
        csv.append("1;2,5\n");
        assertThat(fx.error(fx.write("late.csv", csv.toString()))).contains("Column 'b'").contains("'2,5'").contains("--decimal ,");
        Table t = fx.ingest(fx.write("late2.csv", csv.toString()) + " --decimal ,");
        assertThat(t.doubleColumn("b").get(12_000)).isEqualTo(2.5);
    }

    @Test
    void decimalCommasAndDecimalPointsInOneFile_areRefused() {
        IngestFixture fx = fx();
        assertThat(fx.error(fx.write("mixed.csv", "a;b\n1,5;2.5\n3,25;4.0\n")))
                .contains("'a'").contains("'b'").contains("--decimal ,").contains("--decimal .");
    }

    @Test
    void decimalEqualToTheSeparator_isOneLineError() {
        IngestFixture fx = fx();
        String file = fx.write("s.csv", "a;b\n1;2\n");
        assertThat(fx.error(file + " --sep ';' --decimal ';'")).isEqualTo("--decimal takes one of . ,, not ';'.");
        assertThat(fx.error(file + " --sep , --decimal ,")).isEqualTo("--decimal ',' is also the separator (--sep): the two must differ.");
        assertThat(fx.error(file + " --decimal , --thousands ,")).contains("--thousands ','").contains("decimal mark");
        assertThat(fx.error(fx.write("c.csv", "a,b\n1,2\n") + " --decimal ,")).contains("separated by ','").contains("--sep");
        assertThat(fx.session.hasTable()).isFalse();
    }

    @Test
    void integersBeyond64Bits_stayExactText_withANote() throws Exception {
        IngestFixture fx = fx();
        IngestReport report = report(fx.session, fx.write("big.csv", "id,n\n1,9223372036854775807\n2,123456789012345678901234567890\n"));
        Table t = fx.session.table();
        assertThat(t.column("n").type()).isEqualTo(ColumnType.STRING);
        assertThat(t.stringColumn("n").get(1)).isEqualTo("123456789012345678901234567890");
        assertThat(report.notes()).anyMatch(n -> n.contains("'n'") && n.contains("beyond what 64 bits hold"));
        Table longs = fx.ingest(fx.write("long.csv", "n\n9223372036854775807\n-9223372036854775807\n"));
        assertThat(longs.longColumn("n").asList()).containsExactly(Long.MAX_VALUE, -Long.MAX_VALUE);
        // the smallest int and long are Tablesaw's missing-value markers: a wider column keeps them (-2^63 is an exact double)
        Table ints = fx.ingest(fx.write("int.csv", "n\n-2147483648\n1\n"));
        assertThat(ints.longColumn("n").asList()).containsExactly(-2147483648L, 1L);
        Table min = fx.ingest(fx.write("min.csv", "n\n-9223372036854775808\n1\n"));
        assertThat(min.doubleColumn("n").get(0)).isEqualTo(-0x1p63);
    }

    @Test
    void unambiguousDates_areDetected_andSwappableOnesStayTextWithANote() throws Exception {
        IngestFixture fx = fx();
        IngestReport report = report(fx.session, fx.write("d.csv", """
                de;iso;slash;us;stamp
                31.12.2023;2023-12-31;2023/12/31;03/04/2024;31.12.2023 23:59:30
                01.02.2024;2024-02-01;2024/02/01;12/31/2024;01.02.2024 00:00:00
                """));
        Table t = fx.session.table();
        assertThat(t.dateColumn("de").asList()).containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 2, 1));
        assertThat(t.dateColumn("iso").get(0)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(t.dateColumn("slash").get(1)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(t.dateTimeColumn("stamp").get(0)).isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 59, 30));
        assertThat(t.column("us").type()).isEqualTo(ColumnType.STRING);
        assertThat(report.notes()).anyMatch(n -> n.contains("'us'") && n.contains("--date-format MM/dd/yyyy"));
    }

    @Test
    void dateFormat_readsTheColumnsItMatches() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("us.csv", "when,at,n\n03/04/2024,03/04/2024 13:05,1\n12/31/2024,12/31/2024 00:00,2\n")
                + " --date-format 'MM/dd/yyyy'");
        assertThat(t.dateColumn("when").asList()).containsExactly(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 12, 31));
        assertThat(t.column("at").type()).isEqualTo(ColumnType.STRING);
        Table times = fx.ingest(fx.write("us2.csv", "at\n03/04/2024 13:05\n") + " --date-format 'MM/dd/yyyy HH:mm'");
        assertThat(times.dateTimeColumn("at").get(0)).isEqualTo(LocalDateTime.of(2024, 3, 4, 13, 5));
    }

    @Test
    void dateFormat_thatAValueOfItsColumnDoesNotMatch_namesLineColumnAndValue() {
        IngestFixture fx = fx();
        String error = fx.error(fx.write("bad.csv", "id,day\n1,31.12.2023\n2,2024-01-05\n") + " --date-format dd.MM.yyyy");
        assertThat(error).isEqualTo("bad.csv line 3, column 'day': '2024-01-05' is not a date in --date-format dd.MM.yyyy."
                + " Fix the value, read the column as text with --types day=text, or add the token to --missing.");
        assertThat(fx.error(fx.write("feb.csv", "day\n31.02.2024\n") + " --types day=date --date-format dd.MM.yyyy"))
                .contains("'31.02.2024' is not a date");
        assertThat(fx.error(fx.write("x.csv", "a\n1\n") + " --date-format 'dd.MM.yyyy b'")).contains("not a valid pattern");
        assertThat(fx.error(fx.write("y.csv", "a\n1\n") + " --date-format HH:mm")).contains("needs a day");
    }

    @Test
    void encodings_areDetectedOrGiven_andTheReportNamesThem() throws Exception {
        IngestFixture fx = fx();
        String text = "stadt;größe\nKöln;1\nMünchen;2\n";
        IngestReport latin = report(fx.session, fx.write("w.csv", text.getBytes(Charset.forName("windows-1252"))));
        assertThat(fx.session.table().stringColumn("stadt").get(0)).isEqualTo("Köln");
        assertThat(latin.notes()).anyMatch(n -> n.startsWith("Text encoding: windows-1252"));
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        IngestReport wide = report(fx.session, fx.write("u16.csv", utf16));
        assertThat(fx.session.table().columnNames()).containsExactly("stadt", "größe");
        assertThat(fx.session.table().stringColumn("stadt").get(1)).isEqualTo("München");
        assertThat(wide.notes()).contains("Text encoding: UTF-16LE (its byte-order mark).");
        Table given = fx.ingest(fx.write("l1.csv", text.getBytes(StandardCharsets.ISO_8859_1)) + " --encoding latin1");
        assertThat(given.stringColumn("stadt").get(0)).isEqualTo("Köln");
    }

    @Test
    void unknownEncoding_isOneLineError_listingCloseNames() {
        IngestFixture fx = fx();
        String error = fx.error(fx.write("e.csv", "a\n1\n") + " --encoding utf-9");
        assertThat(error).startsWith("Unknown encoding 'utf-9'. Close names: ").contains("UTF-8").doesNotContain("\n");
        assertThat(fx.session.hasTable()).isFalse();
    }

    @Test
    void exclusiveOptionsAndMalformedTypes_areOneLineErrors_namingTheOptions() {
        IngestFixture fx = fx();
        String file = fx.write("x.csv", "a,b\n1,2\n");
        assertThat(fx.error(file + " --header --no-header")).isEqualTo("Give --header or --no-header, not both.");
        assertThat(fx.error("jdbc:sqlite:x.db --query 'SELECT 1' --table t")).isEqualTo("Give --query or --table, not both.");
        assertThat(fx.error(file + " --types a")).isEqualTo("--types takes COL=TYPE pairs separated by commas, not 'a'.");
        assertThat(fx.error(file + " --table t")).startsWith("--query, --table, --password-env and --password-prompt are for jdbc: sources");
        assertThat(fx.session.hasTable()).isFalse();
    }

    private static IngestReport report(Session session, String line) throws Exception {
        Magics magics = new Magics();
        magics.add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));
        return (IngestReport) magics.run(Magics.Kind.LINE, "ingest " + line, null);
    }
}
