package sluice.ingest;

import java.util.regex.Pattern;

/** Keeps passwords out of everything the kernel shows: URLs and messages are masked before display. */
public final class Secrets {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)([^/@:\\s]+):([^/@\\s]+)@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd)=([^&;\\s]*)");

    private Secrets() {
    }

    /** {@code text} with {@code user:secret@} and {@code password=secret} replaced by stars. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1:****@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1=****");
    }

    /** {@code text} with every occurrence of a known secret replaced by stars, then masked as above. */
    public static String mask(String text, String secret) {
        if (text == null) {
            return null;
        }
        String out = secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
        return mask(out);
    }
}
