package sluice.deploy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sluice.model.Model;

/**
 * The endpoints a test starts, each closed (its port freed) after the test: {@code @RegisterExtension final Servers
 * servers = new Servers();}; or, for endpoints a class's tests share, after the class: {@code @RegisterExtension
 * static final Servers SHARED = Servers.perClass();}.
 */
final class Servers implements AfterEachCallback, AfterAllCallback {
    private final List<Server> started = new ArrayList<>();
    private final boolean perClass;

    Servers() {
        this(false);
    }

    private Servers(boolean perClass) {
        this.perClass = perClass;
    }

    /** Endpoints kept from the first test of a class to the last ({@code @BeforeAll} starts them). */
    static Servers perClass() {
        return new Servers(true);
    }

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
        if (!perClass) {
            afterAll(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        started.forEach(Server::close);
        started.clear();
    }
}
