package sluice.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the option declarations give without code: the values completion offers, help, exclusive options. */
class DeclarationsTest {
    private final Notebook notebook = new Notebook();

    @Test
    void anOptionWithAFixedSetOfValues_offersThemForCompletion_andOthersOfferNone() {
        assertThat(notebook.magics.choices("clean", "cast", "--to")).containsExactly("category", "integer", "decimal", "text", "date", "boolean");
        assertThat(notebook.magics.choices("clean", "drop-missing", "--how")).containsExactly("any", "all");
        assertThat(notebook.magics.choices("evaluate", null, "--on")).containsExactly("test", "train");
        assertThat(notebook.magics.choices("clean", "fill", "--with")).isEmpty();
        assertThat(notebook.magics.choices("clean", "fill", "--nope")).isEmpty();
    }

    @Test
    void optionsInAGroup_areOfferedForCompletionLikeTheOthers() {
        assertThat(notebook.magics.options("clean", "fill")).containsExactly("--all", "--help", "--with");
        assertThat(notebook.magics.options("train", "linear")).contains("--features", "--exclude", "--target");
    }

    @Test
    void help_listsTheValues_andShowsExclusiveOptionsAsOneChoice() throws Exception {
        assertThat((String) notebook.run("clean cast --help")).contains("--to=TYPE   category, integer, decimal, text, date, boolean.");
        assertThat((String) notebook.run("clean clip --help")).contains("(--iqr=K | --z=K | --range=LO:HI)");
        assertThat((String) notebook.run("clean fill --help")).startsWith("Usage: %clean fill [-h] --with=RULE (COLS | --all)");
        assertThat(((String) notebook.run("train linear --help")).replaceAll("\\s+", " ")).contains("[--features=A,B | --exclude=C,D]");
        String ingest = ((String) notebook.run("ingest --help")).replaceAll("\\s+", " ");
        assertThat(ingest).contains("[--header | --no-header]", "[--query=SQL | --table=TABLE]", "[--password-env=VAR | --password-prompt]");
    }

    @Test
    void deployAndItsOptions_areTheSameDeclarationAsServe() {
        assertThat(notebook.magics.options("deploy")).contains("--port", "--host", "--token-env", "--cors", "--max-body", "--max-rows");
        assertThatThrownBy(() -> notebook.run("deploy --port 1 --port 2")).isInstanceOf(UsageError.class).hasMessageContaining("--port");
    }

    @Test
    void theUsageAfterAnError_showsTheAlternative() {
        assertThatThrownBy(() -> notebook.run("clean fill --with mean")).isInstanceOf(UsageError.class)
                .satisfies(e -> assertThat(((UsageError) e).usage()).isEqualTo("Usage: %clean fill [-h] --with=RULE (COLS | --all)"));
    }

    @Test
    void featuresAndExclude_areOneChoice() {
        assertThatThrownBy(() -> notebook.run("train linear --target y --features a --exclude b"))
                .isInstanceOf(UsageError.class).hasMessage("Give --features or --exclude, not both.");
    }

    @Test
    void anOptionOfAGroupGivenTwice_saysToGiveItOnce() {
        assertThatThrownBy(() -> notebook.run("ingest jdbc:sqlite:x.db --query 'SELECT 1' --query 'SELECT 2'"))
                .isInstanceOf(UsageError.class).hasMessage("Give --query only once.");
        assertThatThrownBy(() -> notebook.run("clean clip x --iqr 1 --iqr 2"))
                .isInstanceOf(UsageError.class).hasMessage("Give --iqr only once.");
    }

    @Test
    void passwordFromBothPlaces_isOneLine_namingTheTwoOptions() {
        assertThatThrownBy(() -> notebook.run("ingest jdbc:sqlite:x.db --table t --password-env PW --password-prompt"))
                .isInstanceOf(UsageError.class).hasMessage("Give --password-env or --password-prompt, not both.");
    }
}
