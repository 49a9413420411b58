package sluice.kernel;

import static sluice.kernel.Replies.publish;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * A cell's outputs as IOPub messages, in reply to the execute request {@code env} answers; its input
 * through the stdin channel when the request allows it.
 */
record IopubOutputs(ShellReplyEnvironment env, boolean allowStdin) implements Outputs {
    @Override
    public void stream(String name, String text) {
        publish(env, new PublishStream(name.equals("stderr") ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
    }

    @Override
    public void display(DisplayData data) {
        publish(env, new PublishDisplayData(data));
    }

    @Override
    public void update(DisplayData data) {
        publish(env, new PublishUpdateDisplayData(data));
    }

    @Override
    public void result(int count, DisplayData data) {
        publish(env, new PublishExecuteResult(count, data));
    }

    @Override
    public void error(ErrorReport report) {
        publish(env, new PublishError(report.name(), report.message(), report.traceback()));
    }

    @Override
    public String input(String prompt, boolean password) {
        if (!allowStdin) {
            throw new sluice.magic.UsageError("No input is possible here: this frontend runs the cell without stdin "
                    + "(as nbconvert does). Put the value in the cell, or read it from a file or an environment variable.");
        }
        String line = env.readFromStdIn(prompt, password);
        // The base kernel hands the answer back with a line end; the user typed none.
        return line != null && line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public void clear(boolean wait) {
        publish(env, wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }
}
