package sluice.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes the Parquet files the tests read, with parquet-java's example writer (rows as {@link Group}s). */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /** A file of {@code schema} (Parquet's schema language) with one row per filler, compressed with {@code codec}. */
    static Path write(Path file, String schema, CompressionCodecName codec, int rowsPerGroup, List<Consumer<Group>> rows) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration()).withCodecFactory(new NativeCompressors())
                    .withType(type).withCompressionCodec(codec)
                    .withRowGroupRowCountLimit(rowsPerGroup).withPageRowCountLimit(1_000).build()) {
                for (Consumer<Group> row : rows) {
                    Group group = groups.newGroup();
                    row.accept(group);
                    writer.write(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path write(Path file, String schema, List<Consumer<Group>> rows) {
        return write(file, schema, CompressionCodecName.SNAPPY, 1_000_000, rows);
    }
}
