"""%ingest and tables as a notebook user sees them: the report, the shared table, errors, HTML tables."""
import os
import re

import pytest

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
    assert re.search(r"^  sex +text +11$", run.result, re.M), run.result
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
                   "--columns", "--sheet", "--decimal", "--thousands", "--date-format", "--encoding"):
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


def test_parquet_and_excel_files_are_read_through_the_kernel_jar(kernel):
    data = REPO / "notebooks" / "data"
    parquet = kernel.ok(f"%ingest {data / 'penguins.parquet'} --columns species,body_mass_g --limit 100")
    assert parquet.result.splitlines()[0].startswith(f"{data / 'penguins.parquet'} → 100 rows × 2 columns in "), parquet.result
    assert "body_mass_g  integer" in parquet.result, parquet.result
    assert kernel.ok('table().intColumn("body_mass_g").get(0)').result == "3750"
    summary = kernel.ok(f"%ingest {data / 'penguins.xlsx'} --sheet 2")
    assert "penguins          integer" in summary.result, summary.result
    assert kernel.ok('table().intColumn("penguins").sum()').result == "344.0"
    run = kernel.execute(f"%ingest {data / 'penguins.xlsx'} --sheet sumary")
    assert run.reply["evalue"] == ("No sheet 'sumary' in penguins.xlsx. Did you mean 'summary'? Sheets: 1 'penguins',"
                                   " 2 'summary' (--sheet takes a name or a position counted from 1).")


def test_a_partitioned_folder_reads_its_keys_as_columns(kernel, tmp_path):
    for batch in (1, 2):
        part = tmp_path / "lake" / f"batch={batch}"
        part.mkdir(parents=True)
        (part / "part-0.parquet").write_bytes((REPO / "notebooks" / "data" / "penguins.parquet").read_bytes())
    (tmp_path / "lake" / "_SUCCESS").write_text("")
    run = kernel.ok(f"%ingest {tmp_path / 'lake'} --columns species,batch")
    assert run.result.splitlines()[0].startswith(f"{tmp_path / 'lake'} → 688 rows × 2 columns in "), run.result
    assert re.search(r"^  batch +integer +0$", run.result, re.M), run.result
    assert kernel.ok('table().intColumn("batch").sum()').result == str(344 * 1 + 344 * 2) + ".0"
    # penguins.parquet has a column 'year': a folder year=… above it is refused, --columns or not.
    clash = tmp_path / "clash" / "year=2007"
    clash.mkdir(parents=True)
    (clash / "part-0.parquet").write_bytes((REPO / "notebooks" / "data" / "penguins.parquet").read_bytes())
    run = kernel.execute(f"%ingest {tmp_path / 'clash'} --columns species,year")
    assert "has a column 'year' and lies in a folder year=…" in run.reply["evalue"], run.reply
    assert kernel.ok('table().columnNames()').result == "[species, batch]"


def mariadb_reachable():
    """Skips outside CI when no MariaDB listens at 127.0.0.1:3306; fails under CI=true."""
    import os
    import socket
    try:
        socket.create_connection(("127.0.0.1", 3306), timeout=2).close()
    except OSError as e:
        reason = f"MariaDB is not reachable at 127.0.0.1:3306 ({e})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + "; CI=true, so the MariaDB test must run.")
        pytest.skip(reason)


def test_the_kernel_jar_reads_mariadb_and_sqlite_with_the_drivers_inside(kernel, tmp_path):
    import sqlite3
    mariadb_reachable()
    table = f"kernel_jar_{os.getpid()}"
    # The table is written through the jar's own MariaDB driver, from a Java cell.
    kernel.ok('try (var c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?user=root");'
              ' var s = c.createStatement()) {'
              f' s.execute("CREATE TABLE {table} (id INT, price DECIMAL(8,2), paid BOOLEAN, day DATE)");'
              f' s.execute("INSERT INTO {table} VALUES (1, 9.99, 1, \'2024-05-01\'), (2, NULL, 0, NULL)"); }}')
    try:
        run = kernel.ok(f"%ingest jdbc:mariadb://127.0.0.1:3306/test --table {table}")
        assert run.result.startswith(f"jdbc:mariadb://127.0.0.1:3306/test table {table} → 2 rows × 4 columns"), run.result
        assert re.search(r"^  paid +boolean +0$", run.result, re.M) and re.search(r"^  day +date +1$", run.result, re.M), run.result
        assert kernel.ok('table().doubleColumn("price").get(0)').result == "9.99"
    finally:
        kernel.ok('try (var c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?user=root");'
                  f' var s = c.createStatement()) {{ s.execute("DROP TABLE IF EXISTS {table}"); }}')

    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE sales (id INTEGER, city TEXT, km REAL)")
        connection.executemany("INSERT INTO sales VALUES (?, ?, ?)", [(1, "Oslo", 12.5), (2, "Lima", None)])
    run = kernel.ok(f"%ingest jdbc:sqlite:{db} --query 'SELECT * FROM sales ORDER BY id'")
    assert run.result.startswith(f"jdbc:sqlite:{db} query → 2 rows × 3 columns"), run.result
    assert kernel.ok('table().doubleColumn("km").countMissing()').result == "1"


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
