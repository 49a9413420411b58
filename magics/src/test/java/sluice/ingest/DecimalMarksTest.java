package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Numbers written with decimal commas or thousands separators: read right with --decimal/--thousands, or refused. */
class DecimalMarksTest {
    @TempDir
    Path dir;

    private static final String EURO = "artikel;preis;menge\nTee;123,45;1.200\nKaffee;7,5;3\nZucker;1.234,56;12\n";

    @Test
    void decimalCommas_withoutDecimal_areRefusedNamingTheOption_neverIntegers() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("euro.csv", "artikel;preis\nTee;123,45\nKaffee;7,5\n");
        assertThat(fx.error(file + " --sep ';'")).isEqualTo("Column 'preis' holds numbers written with a comma (e.g. "
                + "'123,45'), which Sluice does not guess at: give --decimal , for decimal commas (1.234,56), or "
                + "--thousands , for comma thousands (1,234.56), or --types preis=text to keep the text.");
    }

    @Test
    void decimalCommaAndThousandsPoint_readAsPandasDoes() {
        IngestFixture fx = new IngestFixture(dir);
        Table table = fx.ingest(fx.write("euro.csv", EURO) + " --decimal , --thousands .");
        assertThat(table.doubleColumn("preis").asList()).containsExactly(123.45, 7.5, 1234.56);
        assertThat(table.intColumn("menge").asList()).containsExactly(1200, 3, 12);
    }

    @Test
    void decimalCommaAlone_refusesAPointItCannotExplain() {
        IngestFixture fx = new IngestFixture(dir);
        Table table = fx.ingest(fx.write("euro.csv", "a;b\n1,5;2\n-0,25;3\n") + " --decimal ,");
        assertThat(table.doubleColumn("a").asList()).containsExactly(1.5, -0.25);
        Table mixed = fx.ingest(fx.write("mixed.csv", "a;b\n1,5;2\n1.5;3\n") + " --decimal ,");
        assertThat(mixed.column("a").type().name()).isEqualTo("STRING");
    }

    @Test
    void commaThousands_inAQuotedCsv_areRefusedOrReadWithThousands() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("us.csv", "city,population\nA,\"1,234,567\"\nB,\"12,000\"\nC,950\n");
        assertThat(fx.error(file)).startsWith("Column 'population' holds numbers written with a comma (e.g. '");
        Table table = fx.ingest(file + " --thousands ,");
        assertThat(table.intColumn("population").asList()).containsExactly(1_234_567, 12_000, 950);
    }

    @Test
    void aCommaNumberLongAfterTheSampledRows_isRefusedToo() {
        IngestFixture fx = new IngestFixture(dir);
        StringBuilder csv = new StringBuilder("id;amount\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(';').append(i % 97).append('\n');
        }
        csv.append("50000;12,5\n");
        assertThat(fx.error(fx.write("late.csv", csv.toString()))).startsWith("Column 'amount' holds numbers written with a comma (e.g. '12,5')");
    }

    @Test
    void badlyGroupedThousands_areNotNumbers() {
        IngestFixture fx = new IngestFixture(dir);
        Table table = fx.ingest(fx.write("g.csv", "a;b\n1.5;x\n12.000;y\n") + " --decimal , --thousands .");
        assertThat(table.column("a").type().name()).isEqualTo("STRING");
    }

    @Test
    void textWithCommas_staysText() {
        IngestFixture fx = new IngestFixture(dir);
        Table table = fx.ingest(fx.write("t.csv", "name,tags\nx,\"a,b\"\ny,\"1,5 and more\"\n"));
        assertThat(table.stringColumn("tags").asList()).containsExactly("a,b", "1,5 and more");
    }

    @Test
    void marksThatClash_areOneLineEach() {
        IngestFixture fx = new IngestFixture(dir);
        String file = fx.write("e.csv", "a;b\n1,5;2\n");
        assertThat(fx.error(file + " --decimal , --thousands ,")).startsWith("--decimal and --thousands are both ','");
        assertThat(fx.error(file + " --sep , --decimal ,")).startsWith("--sep is ',', which cannot also mark decimals");
        assertThat(fx.error(fx.write("c.csv", "a,b\n1,2\n") + " --decimal ,"))
                .startsWith("The fields of 'c.csv' are separated by ',', which cannot also mark decimals");
        assertThat(fx.error(file + " --decimal x")).isEqualTo("--decimal takes one of . , ' or space, not 'x'.");
    }

    @Test
    void plainFiles_readAsBefore() {
        IngestFixture fx = new IngestFixture(dir);
        Table table = fx.ingest(fx.write("p.csv", "a,b\n1.5,2\n-3e2,4\n"));
        assertThat(table.doubleColumn("a").asList()).containsExactly(1.5, -300.0);
        assertThat(table.intColumn("b").asList()).containsExactly(2, 4);
    }
}
