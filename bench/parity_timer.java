import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import sluice.ingest.IngestMagic;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.session.Session;
import sluice.train.TrainMagic;
import sluice.train.TrainReport;

/**
 * Runs every case of the parity suite's {@code reference.json} in one JVM, through the same
 * {@link Magics} dispatch the kernel uses, and prints one JSON line: per case the test metric and
 * the fit time of {@code %train} (the report's own figure: encoding the training rows, the fit and
 * scoring the test rows) of a cold and a warm run. Arguments: DIR [REGEX], DIR holding
 * reference.json and the data; REGEX keeps only the cases whose name it finds. Each case ingests
 * its file on a fresh session (not timed), then trains twice. A case Sluice refuses reports its
 * message. Run by bench/parity.py, compiled with
 * {@code javac -cp kernel/target/sluice.jar -d DIR bench/parity_timer.java}.
 */
class ParityTimer {
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Path.of(args[0]);
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 1 ? args[1] : "");
        ObjectMapper json = new ObjectMapper();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        var results = json.createArrayNode();
        for (JsonNode c : json.readTree(dir.resolve("reference.json").toFile()).get("cases")) {
            String name = c.get("name").asText();
            if (!only.matcher(name).find()) {
                continue;
            }
            Session session = new Session();
            Magics magics = new Magics()
                    .add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, quiet))
                    .add("train", Magics.Kind.LINE, () -> new TrainMagic(session, quiet));
            magics.run(Magics.Kind.LINE, "ingest " + dir.resolve(c.get("file").asText()), null);
            String line = c.get("train").asText() + " --test-rows " + dir.resolve(c.get("test_rows").asText());
            var result = results.addObject().put("name", name);
            try {
                double[] seconds = new double[2];
                for (int run = 0; run < 2; run++) {
                    seconds[run] = ((TrainReport) magics.run(Magics.Kind.LINE, line, null)).seconds();
                }
                result.put("score", session.training().model().metrics().get(c.get("metric").asText()))
                        .put("cold_fit_s", seconds[0]).put("fit_s", seconds[1]);
            } catch (UsageError e) {
                result.put("refused", e.getMessage());
            }
        }
        System.out.println(json.createObjectNode().set("cases", results));
    }
}
