"""Magics through the protocol: listing, help, mistakes, %%time, and editing help for magic lines."""
import re

from sluice_kernel import REPO, require

require("jupyter_client")


def test_lsmagic_lists_each_magic_on_its_own_line(kernel):
    listing = kernel.ok("%lsmagic").result
    names = [line.split()[0] for line in listing.splitlines() if line.startswith("%")]
    assert names.count("%lsmagic") == 1 and names.count("%%time") == 1, listing


def test_lsmagic_help_prints_its_usage(kernel):
    run = kernel.ok("%lsmagic --help")
    assert (run.result or run.stdout).startswith("Usage: %lsmagic"), run.describe()


def test_a_misspelt_magic_is_a_usage_error_that_suggests_the_right_one(kernel):
    run = kernel.execute("%lsmgic")
    assert run.status == "error"
    assert run.reply["ename"] == "UsageError"
    assert "%lsmagic" in run.reply["evalue"]
    assert run.error["ename"] == "UsageError"
    assert len(run.reply["traceback"]) <= 3, run.reply["traceback"]


def test_a_bad_option_names_the_option(kernel):
    run = kernel.execute("%lsmagic --colour")
    assert run.status == "error"
    assert run.reply["ename"] == "UsageError"
    assert "--colour" in run.reply["evalue"]


def test_java_and_magic_lines_mix_in_one_cell(kernel):
    run = kernel.ok("int before = 41;\n%lsmagic\nbefore + 1")
    assert run.result == "42"


def test_a_magic_line_after_java_shows_its_own_output(kernel):
    run = kernel.ok("int ignored = 1;\n%lsmagic")
    assert "%%time" in run.result


def test_time_prints_wall_time_and_shows_the_value(kernel):
    run = kernel.ok("%%time\nint z = 6;\nz * 7")
    assert re.fullmatch(r"Wall time: [\d.]+ (µs|ms|s)\n", run.stdout), run.stdout
    assert run.result == "42"


def test_time_repeat_runs_the_cell_that_many_times(kernel):
    run = kernel.ok('%%time --repeat 3\nSystem.out.println("run");\n21 * 2')
    assert run.stdout.count("run\n") == 3, run.stdout
    assert "of 3 runs" in run.stdout
    assert run.result == "42"


def test_time_keeps_state_for_later_cells(kernel):
    kernel.ok("%%time\nint timedValue = 9;")
    assert kernel.ok("timedValue").result == "9"


def test_time_written_as_a_line_magic_says_to_use_two_percent_signs(kernel):
    run = kernel.execute("%time 1 + 1")
    assert run.status == "error"
    assert run.reply["ename"] == "UsageError"
    assert "%%time" in run.reply["evalue"]


def test_completion_after_percent_lists_magic_names(kernel):
    reply = kernel.complete("%ls")
    assert reply["matches"] == ["%lsmagic"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (0, 3)
    listed = {line.split()[0] for line in kernel.ok("%lsmagic").result.splitlines() if line.startswith("%")}
    assert {"%lsmagic", "%%time"} <= listed
    assert set(kernel.complete("%")["matches"]) == listed


def test_completion_of_options_of_a_cell_magic(kernel):
    code = "%%time --"
    reply = kernel.complete(code)
    assert set(reply["matches"]) == {"--repeat", "--help"}
    assert reply["cursor_start"] == code.index("--")
    assert kernel.complete("%%time --re")["matches"] == ["--repeat"]


def test_inspecting_a_magic_shows_its_usage(kernel):
    reply = kernel.inspect("%lsmagic", len("%lsmagic"))
    assert reply["found"] is True
    assert reply["data"]["text/plain"].startswith("Usage: %lsmagic")
    reply = kernel.inspect("%%time\n1 + 1", 3)
    assert "--repeat" in reply["data"]["text/plain"]


def test_question_mark_on_a_magic_pages_its_usage(kernel):
    run = kernel.ok("%%time?")
    pages = run.reply["payload"]
    assert len(pages) == 1 and pages[0]["source"] == "page"
    assert "--repeat" in pages[0]["data"]["text/plain"]


def test_a_magic_line_is_complete(kernel):
    assert kernel.is_complete("%lsmagic")["status"] == "complete"


def test_a_cell_magic_header_alone_waits_for_its_body(kernel):
    assert kernel.is_complete("%%time")["status"] == "incomplete"
    assert kernel.is_complete("%%time\nint t = 1;")["status"] == "complete"


def test_completion_lists_a_magics_operations_and_each_operations_options(kernel):
    assert "fill" in kernel.complete("%clean f")["matches"]
    assert set(kernel.complete("%clean fill --")["matches"]) == {"--all", "--with", "--help"}
    assert kernel.complete("%clean clip --i")["matches"] == ["--iqr"]


def test_completion_offers_the_values_of_an_option_that_takes_a_fixed_set(kernel):
    assert kernel.complete("%clean cast year --to ")["matches"] == ["category", "integer", "decimal", "text", "date", "boolean"]
    assert kernel.complete("%clean drop-missing --how a")["matches"] == ["any", "all"]
    assert kernel.complete("%evaluate --on t")["matches"] == ["test", "train"]


def test_an_operations_help_is_its_own_usage(kernel):
    assert kernel.ok("%clean fill --help").result.startswith("Usage: %clean fill")
    run = kernel.execute("%clean fil bill --with mean")
    assert run.status == "error" and "Did you mean 'fill'?" in run.reply["evalue"], run.describe()


def test_completion_offers_the_current_tables_columns_and_table_names(kernel):
    kernel.ok(f"%ingest {REPO / 'notebooks' / 'data' / 'penguins.csv'} --as birds")
    code = "%train random-forest --target sp"
    reply = kernel.complete(code)
    assert reply["matches"] == ["species"] and reply["cursor_start"] == len(code) - 2
    assert kernel.complete("%eda hist bi")["matches"] == ["bill_length_mm", "bill_depth_mm"]
    code = "%train linear --target body_mass_g --exclude year,is"
    reply = kernel.complete(code)
    assert reply["matches"] == ["island"] and reply["cursor_start"] == len(code) - 2
    code = 'var t = table("bi'
    reply = kernel.complete(code)
    assert reply["matches"] == ["birds"] and reply["cursor_start"] == len(code) - 2


def test_completion_after_maven_offers_coordinates_of_the_local_repository(kernel):
    code = "%maven org.hsqldb:hs"
    reply = kernel.complete(code)
    assert "org.hsqldb:hsqldb:2.7.4" in reply["matches"], reply["matches"]
    assert reply["cursor_start"] == len("%maven ")
