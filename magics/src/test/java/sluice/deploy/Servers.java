package sluice.deploy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sluice.model.Model;

/** The endpoints a test starts, each closed (its port freed) after the test: {@code @RegisterExtension final Servers servers = new Servers();}. */
final class Servers implements AfterEachCallback {
    private final List<Server> started = new ArrayList<>();

    Server start(Model model, Settings settings) {
        Server server = Server.start(model, settings);
        started.add(server);
        return server;
    }

    /** On 127.0.0.1, any free port, no token. */
    Server start(Model model) {
        return start(model, Settings.local(0));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Server::close);
        started.clear();
    }
}
