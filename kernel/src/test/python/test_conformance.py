"""The kernel passes jupyter_kernel_test's protocol conformance checks, with every sample filled in."""
from sluice_kernel import require

jupyter_kernel_test = require("jupyter_kernel_test")


class TestSluiceConformance(jupyter_kernel_test.KernelTests):
    """JUPYTER_PATH comes from conftest's session fixture, set up before setUpClass starts the kernel."""

    kernel_name = "sluice"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Strin", "matches": {
            "String", "StringBuffer", "StringBufferInputStream", "StringBuilder", "StringColumn",
            "StringIndexOutOfBoundsException", "StringJoiner", "StringReader", "StringTokenizer",
            "StringWriter"}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "Paths.g", "matches": {"get("}},
        {"text": "%ls", "matches": {"%lsmagic"}},
    ]

    complete_code_samples = ["1 + 1;", "int x = 1;", "%lsmagic", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f() {", "int x ="]
    invalid_code_samples = ["}", "int x = 1; }", ")"]

    code_page_something = "String?"
    code_generate_error = 'throw new RuntimeException("boom");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"a" + "b"', "result": "ab"},
    ]
    code_display_data = [{"code": 'display("hi")', "mime": "text/plain"}]

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "1 + *"

    code_inspect_sample = "Math.max"
    code_clear_output = "clearOutput();"
