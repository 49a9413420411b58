import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.xerial.snappy.Snappy;
import sluice.ingest.IngestMagic;
import sluice.ingest.IngestReport;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes CSV_FILE as PARQUET_FILE with the column types {@code %ingest} gives the CSV (optional double,
 * int32 and string columns), snappy-compressed with dictionary encoding and 128 MB row groups: what
 * pyarrow's and Spark's defaults give. Run by bench/ingest_parquet.py, compiled against the kernel jar
 * and snappy-java (the kernel reads snappy in Java and ships no compressor).
 */
class ParquetWriterBench {
    public static void main(String[] args) throws Exception {
        Session session = new Session();
        Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session, System.err));
        Table table = ((IngestReport) magics.run(Magics.Kind.LINE, "ingest '" + args[0] + "'", null)).table();
        StringBuilder schema = new StringBuilder("message synth {");
        for (Column<?> column : table.columns()) {
            String type = column.type() == ColumnType.DOUBLE ? "double" : column.type() == ColumnType.INTEGER ? "int32" : "binary";
            schema.append(" optional ").append(type).append(' ').append(column.name()).append(type.equals("binary") ? " (STRING);" : ";");
        }
        MessageType type = MessageTypeParser.parseMessageType(schema.append(" }").toString());
        Path out = Path.of(args[1]);
        Files.deleteIfExists(out);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(out))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new SnappyOnly()).withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int r = 0; r < table.rowCount(); r++) {
                Group g = groups.newGroup();
                for (Column<?> column : table.columns()) {
                    if (column.isMissing(r)) {
                        continue;
                    }
                    switch (column.type().name()) {
                        case "DOUBLE" -> g.append(column.name(), table.doubleColumn(column.name()).getDouble(r));
                        case "INTEGER" -> g.append(column.name(), table.intColumn(column.name()).getInt(r));
                        default -> g.append(column.name(), column.getString(r));
                    }
                }
                writer.write(g);
            }
        }
        System.out.println("{\"rows\": " + table.rowCount() + ", \"bytes\": " + Files.size(out) + "}");
    }

    /** Snappy pages by snappy-java, as pyarrow and Spark write them. */
    static final class SnappyOnly implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("writes only");
        }

        @Override
        public void release() {
        }
    }
}
