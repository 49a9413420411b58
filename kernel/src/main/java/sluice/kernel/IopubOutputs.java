package sluice.kernel;

import static sluice.kernel.Replies.publish;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;

/** A cell's outputs as IOPub messages, in reply to the execute request {@code env} answers. */
record IopubOutputs(ShellReplyEnvironment env) implements Outputs {
    @Override
    public void stream(String name, String text) {
        publish(env, new PublishStream(name.equals("stderr") ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
    }

    @Override
    public void display(DisplayData data) {
        publish(env, new PublishDisplayData(data));
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
    public void clear(boolean wait) {
        publish(env, wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }
}
