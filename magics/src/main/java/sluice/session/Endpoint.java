package sluice.session;

/**
 * What the session must stop when the kernel shuts down: the prediction endpoint {@code %deploy}
 * started, which a Java cell also asks for its address ({@code session().server().url()}).
 */
public interface Endpoint extends AutoCloseable {
    /** Where it answers, e.g. {@code http://127.0.0.1:8080}. */
    String url();

    /** Stops it and frees its port. */
    @Override
    void close();
}
