package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import sluice.clean.CleanMagic;
import sluice.eda.EdaMagic;
import sluice.ingest.IngestMagic;
import sluice.session.Session;

class HelpMagicTest {
    private final Session session = new Session();
    private final Magics magics = new Magics();

    HelpMagicTest() {
        magics.add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));
        magics.add("clean", Magics.Kind.LINE, () -> new CleanMagic(session));
        magics.add("eda", Magics.Kind.LINE, () -> new EdaMagic(session));
        magics.add("help", Magics.Kind.LINE, () -> new HelpMagic(magics));
        magics.add("time", Magics.Kind.CELL, () -> new TimeMagic(body -> null, new PrintStream(OutputStream.nullOutputStream())));
    }

    @Test
    void help_listsEveryMagicInCatalogueOrder_withItsUsageLineAndWhatItDoes() throws Exception {
        String help = (String) magics.run(Magics.Kind.LINE, "help", null);

        assertThat(help.lines().limit(10)).containsExactly(
                "%ingest SOURCE [options]",
                "    Read a file, folder, glob, URL or database query into the current table.",
                "%clean OP …",
                "    Clean the current table with steps that are recorded and replayed on new rows.",
                "%eda [VIEW] …",
                "    Explore the current table: an overview, or one view of it.",
                "%help [NAME]",
                "    List the magics with their usage, or show one magic's full usage.",
                "%%time [--repeat N]",
                "    Run the cell and print its wall-clock time.");
        assertThat(help).endsWith("Run %help NAME (or %NAME --help) for a magic's full usage.");
    }

    @Test
    void helpName_printsTheMagicsFullUsage_asItsOwnHelpOptionDoes() throws Exception {
        assertThat(magics.run(Magics.Kind.LINE, "help ingest", null))
                .isEqualTo(magics.run(Magics.Kind.LINE, "ingest --help", null))
                .asString().contains("--as=NAME", "Examples:");
        assertThat(magics.run(Magics.Kind.LINE, "help %%time", null)).isEqualTo(magics.usage("time"));
    }

    @Test
    void helpUnknownName_namesTheClosestMagic() {
        assertThatThrownBy(() -> magics.run(Magics.Kind.LINE, "help ingets", null))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("Did you mean '%ingest'?");
    }

    @Test
    void usageLine_namesRequiredOptions_andAFewOptionalOnes() throws Exception {
        Magics some = new Magics().add("cast", Magics.Kind.LINE, Cast::new);

        assertThat(some.usageLine("cast")).isEqualTo("%cast COLS… --to TYPE [--strict] [--name LABEL]");
    }

    @picocli.CommandLine.Command(description = "A test magic.")
    static final class Cast implements Magic {
        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "COLS")
        java.util.List<String> columns;

        @picocli.CommandLine.Option(names = "--to", required = true, paramLabel = "TYPE")
        String to;

        @picocli.CommandLine.Option(names = "--strict")
        boolean strict;

        @picocli.CommandLine.Option(names = {"-n", "--name"}, paramLabel = "LABEL")
        String name;

        @Override
        public Object run(String body) {
            return null;
        }
    }

    @Test
    void markdownTable_hasOneRowPerMagic_withItsUsageLine() {
        String table = HelpMagic.markdownTable(magics);

        assertThat(table.lines()).hasSize(2 + 5)
                .contains("| `%ingest SOURCE [options]` | Read a file, folder, glob, URL or database query into the current table. |");
    }
}
