package sluice.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
        return mask(text, secret == null ? List.of() : List.of(secret));
    }

    /** {@code text} with every occurrence of each known secret replaced by stars, then masked as above. */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "****");
            }
        }
        return mask(out);
    }

    /**
     * The passwords written into {@code url}, as written and as a driver decodes them
     * ({@code p%40ss} is {@code p@ss}), so that both forms can be masked.
     */
    static List<String> passwordsIn(String url) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(USER_INFO, PASSWORD_PARAM)) {
            Matcher m = pattern.matcher(url);
            while (m.find()) {
                String written = m.group(2);
                found.add(written);
                decode(written).ifPresent(found::add);
                decode(written.replace("+", " ")).ifPresent(found::add);
            }
        }
        return found;
    }

    /** {@code text} with its {@code %XX} escapes decoded ({@code +} stays a plus, as in a URL's user info). */
    static Optional<String> decode(String text) {
        try {
            return Optional.of(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
