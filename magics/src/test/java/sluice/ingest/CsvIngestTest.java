package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvIngestTest {
    @TempDir
    Path dir;

    private IngestFixture fx() {
        return new IngestFixture(dir);
    }

    @Test
    void penguins_has344RowsOf8TypedColumns_and11MissingSexes() {
        Table t = fx().ingest(IngestFixture.penguins());
        assertThat(t.rowCount()).isEqualTo(344);
        assertThat(t.columnNames()).containsExactly("species", "island", "bill_length_mm", "bill_depth_mm",
                "flipper_length_mm", "body_mass_g", "sex", "year");
        assertThat(t.types()).containsExactly(ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.DOUBLE,
                ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.STRING, ColumnType.INTEGER);
        assertThat(t.column("sex").countMissing()).isEqualTo(11);
        assertThat(t.column("bill_length_mm").countMissing()).isEqualTo(2);
        assertThat(t.column("year").countMissing()).isZero();
        assertThat(t.doubleColumn("bill_length_mm").get(0)).isEqualTo(39.1);
        assertThat(t.stringColumn("species").countUnique()).isEqualTo(3);
    }

    @Test
    void quotedFields_keepSeparatorsDoubledQuotesAndLineBreaks() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("quotes.csv", """
                id,text,n
                1,"a, b",10
                2,"she said \"\"hi\"\"",20
                3,"two
                lines",30
                4,  padded  ,40
                5,"  kept  ",50
                """));
        assertThat(t.rowCount()).isEqualTo(5);
        assertThat(t.stringColumn("text").asList())
                .containsExactly("a, b", "she said \"hi\"", "two\nlines", "padded", "  kept  ");
        assertThat(t.intColumn("n").asList()).containsExactly(10, 20, 30, 40, 50);
    }

    @Test
    void crlfLineEnds_andNoFinalNewline_readTheSame() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("crlf.csv", "a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n3,w"));
        assertThat(t.intColumn("a").asList()).containsExactly(1, 2, 3);
        assertThat(t.stringColumn("b").asList()).containsExactly("x", "y\r\nz", "w");
    }

    @Test
    void utf8WithAndWithoutBom_giveTheSameColumnNames() {
        IngestFixture fx = fx();
        String text = "größe,stadt\n1,Zürich\n2,Köln\n";
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        Table withBom = fx.ingest(fx.write("bom.csv", bom));
        Table without = fx.ingest(fx.write("plain.csv", plain));
        assertThat(withBom.columnNames()).containsExactly("größe", "stadt");
        assertThat(withBom.column(0).name()).doesNotStartWith("\uFEFF");
        assertThat(without.columnNames()).isEqualTo(withBom.columnNames());
        assertThat(withBom.stringColumn("stadt").asList()).containsExactly("Zürich", "Köln");
        assertThat(withBom.intColumn("größe").asList()).containsExactly(1, 2);
    }

    @Test
    void windows1252File_isReadWithItsAccents() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("latin.csv", "name,n\nJosé,1\nRenée,2\n".getBytes(java.nio.charset.Charset.forName("windows-1252"))));
        assertThat(t.stringColumn("name").asList()).containsExactly("José", "Renée");
    }

    @Test
    void missingTokens_emptyNaNaNNull_andExtraOnes_areMissing() {
        IngestFixture fx = fx();
        String file = fx.write("missing.csv", """
                x,y,z
                1,a,?
                ,NA,-
                NaN,null,3
                NA,,4
                null,b,-
                6,"",5
                """);
        Table t = fx.ingest(file + " --missing '?,-'");
        assertThat(t.column("x").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(t.column("x").countMissing()).isEqualTo(4);
        assertThat(t.column("y").countMissing()).isEqualTo(4);
        assertThat(t.column("z").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(t.column("z").countMissing()).isEqualTo(3);
        assertThat(t.intColumn("z").asList()).containsExactly(null, null, 3, 4, null, 5);

        Table plain = fx.ingest(file);
        assertThat(plain.column("z").type()).as("without --missing, '?' and '-' are text").isEqualTo(ColumnType.STRING);
    }

    @Test
    void numericMissingToken_isMissingNotANumber() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("sentinel.csv", "v,w\n1.5,10\n-999,-999\n2.5,30\n") + " --missing -999");
        assertThat(t.doubleColumn("v").countMissing()).isEqualTo(1);
        assertThat(t.intColumn("w").asList()).containsExactly(10, null, 30);
    }

    @Test
    void columnWithNoValues_isAnAllMissingTextColumn() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("empty_col.csv", "a,empty,b\n1,,x\n2,NA,y\n3,,z\n"));
        assertThat(t.column("empty").type()).isEqualTo(ColumnType.STRING);
        assertThat(t.column("empty").countMissing()).isEqualTo(3);
        assertThat(t.columnCount()).isEqualTo(3);
    }

    @Test
    void numbersMixedWithText_makeATextColumnThatKeepsTheOriginalText() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("mixed.csv", "code,n\n007,1\n12.50,2\nabc,3\n"));
        assertThat(t.column("code").type()).isEqualTo(ColumnType.STRING);
        assertThat(t.stringColumn("code").asList()).containsExactly("007", "12.50", "abc");
    }

    @Test
    void typesAreInferred_integerDecimalBooleanDateDateTimeText() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("types.csv", """
                i,d,b,day,at,s,big
                1,1.5,true,2024-01-31,2024-01-31T13:45:00,x,3000000000
                -2,2,false,2024-02-29,2024-02-29T00:00:01,y,1
                3,-0.25e2,TRUE,2023-12-01,2023-12-01T23:59:59,z,2
                """));
        assertThat(t.types()).containsExactly(ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME, ColumnType.STRING, ColumnType.LONG);
        assertThat(t.doubleColumn("d").asList()).containsExactly(1.5, 2.0, -25.0);
        assertThat(t.booleanColumn("b").asList()).containsExactly(true, false, true);
        assertThat(t.dateColumn("day").get(1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.dateTimeColumn("at").get(0)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45));
        assertThat(t.longColumn("big").get(0)).isEqualTo(3_000_000_000L);
    }

    @Test
    void typesOption_overridesInference() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("override.csv", "zip,score,flag\n01234,1,1\n98765,2,0\n")
                + " --types zip=text,score=decimal,flag=boolean");
        assertThat(t.types()).containsExactly(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.BOOLEAN);
        assertThat(t.stringColumn("zip").asList()).containsExactly("01234", "98765");
        assertThat(t.booleanColumn("flag").asList()).containsExactly(true, false);
    }

    @Test
    void typesOption_namingAnUnknownColumn_saysWhichColumnsExist() {
        IngestFixture fx = fx();
        String message = fx.error(fx.write("t.csv", "price,qty\n1,2\n") + " --types prcie=decimal");
        assertThat(message).isEqualTo("No column 'prcie' in --types. Did you mean 'price'? Columns: price, qty.");
    }

    @Test
    void gzippedFile_readsLikeThePlainOne() {
        IngestFixture fx = fx();
        String text = "a,b\n1,x\n2,\"y\nz\"\n";
        Table gz = fx.ingest(fx.write("data.csv.gz", text));
        Table plain = fx.ingest(fx.write("data.csv", text));
        assertThat(gz.rowCount()).isEqualTo(2);
        assertThat(gz.stringColumn("b").asList()).isEqualTo(plain.stringColumn("b").asList());
    }

    @Test
    void tabAndSemicolonSeparators_areDetected() {
        IngestFixture fx = fx();
        Table tsv = fx.ingest(fx.write("t.tsv", "name\tcity, state\tn\nAnn\tAustin, TX\t1\nBo\tReno, NV\t2\n"));
        assertThat(tsv.columnNames()).containsExactly("name", "city, state", "n");
        assertThat(tsv.stringColumn("city, state").get(1)).isEqualTo("Reno, NV");
        Table semi = fx.ingest(fx.write("s.csv", "a;b;c\n1;x,y;2.5\n3;z;4\n"));
        assertThat(semi.columnNames()).containsExactly("a", "b", "c");
        assertThat(semi.stringColumn("b").get(0)).isEqualTo("x,y");
    }

    @Test
    void sepOption_overridesDetection() {
        IngestFixture fx = fx();
        String file = fx.write("pipes.txt", "a|b,c\n1|x,y\n");
        Table bar = fx.ingest(file + " --sep '|'");
        assertThat(bar.columnNames()).containsExactly("a", "b,c");
        Table comma = fx.ingest(file + " --sep ,");
        assertThat(comma.columnNames()).containsExactly("a|b", "c");
        Table tabs = fx.ingest(fx.write("tabs.txt", "a\tb\n1\t2\n") + " --sep tab");
        assertThat(tabs.columnNames()).containsExactly("a", "b");
    }

    @Test
    void noHeader_namesColumnsC0C1_andKeepsTheFirstRowAsData() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("nohead.csv", "x,y\nz,w\n") + " --no-header");
        assertThat(t.columnNames()).containsExactly("C0", "C1");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("C0").get(0)).isEqualTo("x");
    }

    @Test
    void header_isDetected_fromTypesOfTheRowsBelow() {
        IngestFixture fx = fx();
        Table numbers = fx.ingest(fx.write("data_only.csv", "1,2.5,x\n3,4.5,y\n5,6.5,z\n"));
        assertThat(numbers.columnNames()).containsExactly("C0", "C1", "C2");
        assertThat(numbers.rowCount()).isEqualTo(3);

        Table textAndDates = fx.ingest(fx.write("text_dates.csv", "city,day\nParis,2024-01-01\nRome,2024-01-02\n"));
        assertThat(textAndDates.columnNames()).containsExactly("city", "day");

        Table dateRows = fx.ingest(fx.write("date_rows.csv", "Paris,2024-01-01\nRome,2024-01-02\n"));
        assertThat(dateRows.columnNames()).containsExactly("C0", "C1");

        Table forced = fx.ingest(fx.write("numbers_header.csv", "1,2\n3,4\n") + " --header");
        assertThat(forced.columnNames()).containsExactly("1", "2");
    }

    @Test
    void duplicateAndBlankHeaderNames_areMadeUnique() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("dupes.csv", ",a,a,b\n0,1,2,3\n1,4,5,6\n"));
        assertThat(t.columnNames()).containsExactly("C0", "a", "a-2", "b");
    }

    @Test
    void blankLines_areSkipped() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("blank.csv", "a,b\n\n1,2\n   \n\n3,4\n\n"));
        assertThat(t.intColumn("a").asList()).containsExactly(1, 3);
    }

    @Test
    void limit_countsRecordsNotLines_whenFieldsHoldLineBreaks() {
        IngestFixture fx = fx();
        String file = fx.write("multi.csv", "id,note\n1,\"a\nb\"\n2,\"c\n\nd\"\n3,e\n4,f\n");
        Table two = fx.ingest(file + " --limit 2");
        assertThat(two.intColumn("id").asList()).containsExactly(1, 2);
        assertThat(two.stringColumn("note").asList()).containsExactly("a\nb", "c\n\nd");
        assertThat(fx.ingest(file + " --limit 0").rowCount()).isZero();
        assertThat(fx.ingest(file + " --limit 0").columnNames()).containsExactly("id", "note");
        assertThat(fx.ingest(file + " --limit 99").rowCount()).isEqualTo(4);
    }

    @Test
    void headerOnlyFile_isAnEmptyTableWithItsColumns() {
        IngestFixture fx = fx();
        Table t = fx.ingest(fx.write("head.csv", "a,b,c\n") + " --header");
        assertThat(t.columnNames()).containsExactly("a", "b", "c");
        assertThat(t.rowCount()).isZero();
    }

    @Test
    void textColumns_behaveLikeOnesBuiltValueByValue_withFewOrManyDistinctValues() {
        IngestFixture fx = fx();
        StringBuilder csv = new StringBuilder("few,many\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i % 7 == 0 ? "" : "k" + i % 5).append(',').append("v" + i % 400).append('\n');
        }
        Table t = fx.ingest(fx.write("dictionary.csv", csv.toString()));
        assertThat(t.stringColumn("few").countMissing()).isEqualTo(3000 / 7 + 1);
        for (String name : new String[] {"few", "many"}) {
            StringColumn read = t.stringColumn(name);
            StringColumn appended = StringColumn.create(name, read.asList());
            assertThat(read.countUnique()).isEqualTo(appended.countUnique());
            assertThat(read.countMissing()).isEqualTo(appended.countMissing());
            assertThat(read.unique().asList()).containsExactlyInAnyOrderElementsOf(appended.unique().asList());
            assertThat(read.isEqualTo("k1").size()).isEqualTo(appended.isEqualTo("k1").size());
            read.append("brand new").append("k2").appendMissing();
            assertThat(read.get(3000)).isEqualTo("brand new");
            assertThat(read.get(3001)).isEqualTo("k2");
            assertThat(read.isMissing(3002)).isTrue();
        }
    }

    @Test
    void keptName_isAlsoTheCurrentTable() {
        IngestFixture fx = fx();
        Table t = fx.ingest(IngestFixture.penguins() + " --as penguins");
        assertThat(fx.session.table("penguins")).isSameAs(t);
    }
}
