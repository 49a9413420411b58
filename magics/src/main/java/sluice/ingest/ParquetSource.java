package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;

/**
 * A Parquet file, read column by column with Apache parquet-java: only the {@code --columns} asked for
 * are decoded, and only the row groups that {@code --limit} reaches ({@link ParquetSplit}); types map as
 * {@link ParquetColumn} says.
 */
final class ParquetSource {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /**
     * Tablesaw's first table scans the class path (a few tenths of a second, once per JVM); a Parquet read
     * starts that on another thread, where it overlaps with loading parquet-java's classes here.
     */
    private static final Runnable TABLESAW_SET_UP = new Runnable() {
        private final AtomicBoolean started = new AtomicBoolean();

        @Override
        public void run() {
            if (started.compareAndSet(false, true)) {
                Thread thread = new Thread(() -> Table.create("set-up"), "sluice-tablesaw-set-up");
                thread.setDaemon(true);
                thread.start();
            }
        }
    };

    private ParquetSource() {
    }

    /**
     * The files of a folder or glob that hold data: beside Parquet files, names starting with '_' are the
     * markers Spark and Hive write (_SUCCESS, _metadata), not tables.
     */
    static List<Path> dataFiles(List<Path> files) {
        if (files.size() < 2 || files.stream().noneMatch(f -> f.getFileName().toString().toLowerCase().endsWith(".parquet"))) {
            return files;
        }
        List<Path> data = files.stream().filter(f -> !f.getFileName().toString().startsWith("_")).toList();
        return data.isEmpty() ? files : data;
    }

    static Table read(Path file, IngestOptions options) throws IOException {
        TABLESAW_SET_UP.run();
        String name = file.getFileName().toString();
        refuseTextOptions(name, options);
        checkMagic(file, name);
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> names = schema.getFields().stream().map(Type::getName).toList();
            ColumnSelection.check(options.columns(), names);
            List<Type> wanted = options.columns().isEmpty() ? schema.getFields()
                    : options.columns().stream().map(schema::getType).toList();
            MessageType projected = new MessageType(schema.getName(), wanted);
            long total = Math.min(reader.getRecordCount(), options.limit() == null ? Long.MAX_VALUE : options.limit());
            if (total > Integer.MAX_VALUE - 8) {
                throw new UsageError(name + " holds " + reader.getRecordCount() + " rows, more than a table holds; read part of it with --limit.");
            }
            List<ParquetColumn> columns = new ArrayList<>();
            for (Type type : wanted) {
                columns.add(ParquetColumn.of(type, name, (int) total));
            }
            checkCodecs(reader.getRowGroups(), projected, name);
            ParquetSplit.read(file, reader.getFooter(), wanted, columns, total);
            Table table = Table.create(name);
            for (ParquetColumn column : columns) {
                table.addColumns(column.build());
            }
            return table;
        } catch (ParquetRuntimeException | IOException | UncheckedIOException e) {
            throw new UsageError(name + " could not be read as Parquet: " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage()
                    + ". The file may be damaged or cut short; write it again.");
        }
    }

    /** A reader with no Hadoop configuration (which would load Hadoop's XML stack) and Sluice's own codecs. */
    static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), options());
    }

    /** As {@link #open(Path)}, with the footer another reader read (decoding it is most of opening a file). */
    static ParquetFileReader open(Path file, ParquetMetadata footer) throws IOException {
        LocalInputFile input = new LocalInputFile(file);
        return ParquetFileReader.open(input, footer, options(), input.newStream());
    }

    private static ParquetReadOptions options() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs()).build();
    }

    private static void refuseTextOptions(String name, IngestOptions options) {
        if (options.separator() != null || options.header() != null || !options.missing().isEmpty() || !options.types().isEmpty()) {
            throw new UsageError("--sep, --header, --no-header, --missing and --types are for text files; " + name
                    + " is Parquet, which stores its column types and missing values. Change types after reading with %clean cast.");
        }
    }

    /** Parquet files start and end with PAR1; anything else gets one line instead of the library's stack trace. */
    private static void checkMagic(Path file, String name) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        byte[] tail = new byte[4];
        if (size >= 12) {
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                channel.position(size - 4);
                channel.read(java.nio.ByteBuffer.wrap(tail));
            }
        }
        if (Arrays.equals(head, MAGIC) && Arrays.equals(tail, "PARE".getBytes())) {
            throw new UsageError(name + " is an encrypted Parquet file, which Sluice does not read; write it without encryption.");
        }
        if (!Arrays.equals(head, MAGIC) || !Arrays.equals(tail, MAGIC)) {
            throw new UsageError(name + " is not a Parquet file (a Parquet file starts and ends with PAR1)."
                    + (Arrays.equals(head, MAGIC) ? " It may be cut short; copy it again." : " Check the file, or rename it to what it holds (.csv, .json)."));
        }
    }

    private static void checkCodecs(List<BlockMetaData> rowGroups, MessageType projected, String name) {
        for (BlockMetaData rowGroup : rowGroups) {
            for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                if (!ParquetCodecs.READ.contains(chunk.getCodec()) && projected.containsPath(chunk.getPath().toArray())) {
                    throw new UsageError(name + " column '" + chunk.getPath().toDotString() + "' is compressed with "
                            + chunk.getCodec() + ", which Sluice cannot decompress; write the file with snappy, zstd, gzip or lz4_raw.");
                }
            }
        }
    }
}
