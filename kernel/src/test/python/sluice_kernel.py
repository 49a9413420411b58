"""A running Sluice kernel driven by jupyter_client, and what one executed cell sent back."""
import importlib
import os
import queue
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[4]
JAR = REPO / "kernel" / "target" / "sluice.jar"
IN_CI = os.environ.get("CI", "").lower() == "true"
KERNEL_NAME = "sluice"


def require(module):
    """Imports a Jupyter module, or skips the test module with the reason (fails it in CI)."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        reason = (f"{module} is not importable from {sys.executable} ({e}); run the suite with "
                  "/usr/bin/python3, which has Debian's python3-jupyter-client and friends")
        if IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason, allow_module_level=True)


@dataclass
class Execution:
    """The execute_reply of one cell and the IOPub messages it caused, each with its arrival time."""
    code: str
    reply: dict
    reply_at: float
    messages: list = field(default_factory=list)  # (monotonic arrival time, message)

    @property
    def status(self):
        return self.reply["status"]

    def of_type(self, msg_type):
        return [m for _, m in self.messages if m["msg_type"] == msg_type]

    def stream(self, name):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def stdout(self):
        return self.stream("stdout")

    @property
    def stderr(self):
        return self.stream("stderr")

    @property
    def result(self):
        """text/plain of the cell's execute_result, or None when the cell shows no value."""
        results = self.of_type("execute_result")
        assert len(results) <= 1, f"{len(results)} execute_result messages for {self.code!r}"
        return results[0]["content"]["data"]["text/plain"] if results else None

    @property
    def data(self):
        """The MIME bundle of the cell's one execute_result; fails, describing the cell, when there is none."""
        results = self.of_type("execute_result")
        assert len(results) == 1, self.describe()
        return results[0]["content"]["data"]

    @property
    def error(self):
        """The content of the cell's IOPub error message, or None."""
        errors = self.of_type("error")
        assert len(errors) <= 1, f"{len(errors)} error messages for {self.code!r}"
        return errors[0]["content"] if errors else None

    def describe(self):
        outputs = [(m["msg_type"], m["content"]) for _, m in self.messages if m["msg_type"] != "status"]
        return f"code {self.code!r}\nreply {self.reply}\niopub {outputs}"


class Kernel:
    """One kernel process with a blocking client on all its channels."""

    def __init__(self, manager, client):
        self.manager = manager
        self.client = client

    @classmethod
    def start(cls, timeout=60, kernel_name=KERNEL_NAME):
        from jupyter_client.manager import KernelManager

        manager = KernelManager(kernel_name=kernel_name)
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
        except RuntimeError:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
            raise
        return cls(manager, client)

    def stop(self):
        self.client.stop_channels()
        if self.manager.has_kernel and self.manager.is_alive():
            self.manager.shutdown_kernel(now=True)
        else:
            self.manager.cleanup_resources()

    # ---- execute ---------------------------------------------------------------------------

    def execute(self, code, timeout=30, **options):
        """Runs a cell and waits for its reply and for the kernel to go idle."""
        return self.collect(self.send(code, **options), code, timeout)

    def send(self, code, **options):
        return self.client.execute(code, **options)

    def wait_for(self, msg_id, msg_type, timeout=30):
        """Waits for the IOPub message of this type that the request caused; returns its arrival time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.client.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == msg_type:
                return time.monotonic()
        raise AssertionError(f"no {msg_type} on IOPub for {msg_id} within {timeout} s")

    def collect(self, msg_id, code="", timeout=30):
        """Reads shell and IOPub until the reply for msg_id and its idle status have both arrived."""
        deadline = time.monotonic() + timeout
        reply, reply_at, idle, messages = None, None, False, []
        while not (reply and idle):
            if time.monotonic() > deadline:
                raise AssertionError(f"no {'reply' if reply is None else 'idle status'} within {timeout} s "
                                     f"for {code!r}; IOPub so far: {[m['msg_type'] for _, m in messages]}")
            try:
                msg = self.client.get_iopub_msg(timeout=0.02)
                if msg["parent_header"].get("msg_id") == msg_id:
                    messages.append((time.monotonic(), msg))
                    idle = idle or (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle")
            except queue.Empty:
                pass
            if reply is None:
                try:
                    msg = self.client.get_shell_msg(timeout=0.02)
                    if msg["parent_header"].get("msg_id") == msg_id:
                        reply, reply_at = msg, time.monotonic()
                except queue.Empty:
                    pass
        assert reply["msg_type"] == "execute_reply", reply
        return Execution(code, reply["content"], reply_at, messages)

    def ok(self, code, timeout=30):
        """Runs a cell that must succeed."""
        run = self.execute(code, timeout=timeout)
        assert run.status == "ok", run.describe()
        return run

    # ---- other shell requests ----------------------------------------------------------------

    def request(self, method, *args, timeout=15, **kwargs):
        """Sends a request (client method name, e.g. 'complete') and returns the whole reply.

        jupyter_client sends shutdown on the control channel, everything else on shell.
        """
        msg_id = getattr(self.client, method)(*args, **kwargs)
        receive = self.client.get_control_msg if method == "shutdown" else self.client.get_shell_msg
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no reply to {method}{args} within {timeout} s")
            try:
                msg = receive(timeout=remaining)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def complete(self, code, cursor_pos=None):
        return self.request("complete", code, cursor_pos)["content"]

    def inspect(self, code, cursor_pos=None):
        return self.request("inspect", code, cursor_pos)["content"]

    def is_complete(self, code):
        return self.request("is_complete", code)["content"]

    def history(self, **kwargs):
        return self.request("history", **kwargs)["content"]
