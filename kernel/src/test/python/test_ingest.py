"""%ingest and tables as a notebook user sees them: the report, the shared table, errors, HTML tables."""
from sluice_kernel import REPO, require

require("jupyter_client")

PENGUINS = REPO / "notebooks" / "data" / "penguins.csv"


def html_of(run):
    results = run.of_type("execute_result")
    assert results, run.describe()
    return results[0]["content"]["data"]["text/html"]


def test_ingest_shows_source_shape_schema_and_first_rows(kernel):
    run = kernel.ok(f"%ingest {PENGUINS}")
    first_line = run.result.splitlines()[0]
    assert first_line.startswith(f"{PENGUINS} → 344 rows × 8 columns in "), first_line
    assert "sex                text       11 missing" in run.result
    html = html_of(run)
    assert "<b>" in html and "344 rows &times; 8 columns" in html
    assert html.count("<tr>") >= 8 + 5, "a schema row per column and the first rows"
    assert "Adelie" in html and "Torgersen" in html


def test_the_ingested_table_is_the_one_java_cells_see(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    assert kernel.ok("table().rowCount()").result == "344"
    kernel.ok("setTable(table().where(table().stringColumn(\"species\").isEqualTo(\"Gentoo\")));")
    assert kernel.ok("table().rowCount()").result == "124"


def test_as_keeps_a_named_table_beside_the_current_one(kernel):
    kernel.ok(f"%ingest {PENGUINS} --limit 10 --as ten")
    assert kernel.ok('table("ten").rowCount() + table().rowCount()').result == "20"


def test_a_missing_file_is_one_line_with_the_closest_name_and_the_table_stays(kernel):
    kernel.ok(f"%ingest {PENGUINS}")
    typo = str(PENGUINS).replace("penguins", "pengins")
    run = kernel.execute(f"%ingest {typo}")
    assert run.status == "error"
    assert run.reply["ename"] == "UsageError"
    assert run.reply["evalue"] == f"No file '{typo}'. Did you mean '{PENGUINS}'?"
    assert kernel.ok("table().rowCount()").result == "344"


def test_ingest_help_lists_its_options(kernel):
    run = kernel.ok("%ingest --help")
    usage = run.result
    assert "  %ingest data/penguins.csv" in usage
    assert run.stderr == "", run.stderr
    for option in ("--as", "--sep", "--no-header", "--missing", "--types", "--limit", "--query", "--table", "--password-env",
                   "--decimal", "--thousands", "--date-format", "--encoding"):
        assert option in usage, option


def test_no_table_yet_says_to_ingest_first(kernelspec):
    from sluice_kernel import Kernel
    fresh = Kernel.start()
    try:
        run = fresh.execute("table()")
        assert run.status == "error"
        assert "%ingest" in run.reply["evalue"], run.describe()
    finally:
        fresh.stop()


def test_a_table_returned_by_java_renders_as_html_with_first_and_last_rows(kernel):
    run = kernel.ok('Table.create("nums", IntColumn.create("n", java.util.stream.IntStream.range(0, 100).toArray()))')
    html = html_of(run)
    assert "100 rows &times; 1 column<" in html
    assert "<td>0</td>" in html and "<td>9</td>" in html and "<td>99</td>" in html
    assert "<td>50</td>" not in html, "the middle of a big table is left out"
    assert run.result.startswith("nums: 100 rows × 1 column\n")


def test_decimal_commas_read_as_decimals_and_bad_formats_are_one_line_each(kernel, tmp_path):
    euro = tmp_path / "euro.csv"
    euro.write_text("artikel;preis;tag\nA;123,45;31.12.2023\nB;7,5;01.02.2024\n", encoding="utf-8")
    run = kernel.ok(f"%ingest {euro} --sep ';'")
    assert "Text encoding: UTF-8." in run.result, run.result
    assert "Read decimal commas (like '123,45') in preis." in run.result, run.result
    assert kernel.ok('table().doubleColumn("preis").sum()').result == "130.95"
    assert kernel.ok('table().dateColumn("tag").get(0).toString()').result == "2023-12-31"
    errors = {
        "--encoding utf-9": "Unknown encoding 'utf-9'. Close names: ",
        "--sep ';' --decimal ';'": "--decimal takes one of . ,, not ';'.",
        "--sep , --decimal ,": "--decimal ',' is also the separator (--sep): the two must differ.",
        "--sep ';' --date-format dd/MM/yyyy --types tag=date":
            "euro.csv line 2, column 'tag': '31.12.2023' is not a date in --date-format dd/MM/yyyy.",
    }
    for options, message in errors.items():
        run = kernel.execute(f"%ingest {euro} {options}")
        assert run.status == "error", run.describe()
        assert run.reply["ename"] == "UsageError"
        assert run.reply["evalue"].startswith(message), run.reply["evalue"]
        assert "\n" not in run.reply["evalue"]
    assert kernel.ok("table().rowCount()").result == "2", "a failed %ingest leaves the table as it was"
