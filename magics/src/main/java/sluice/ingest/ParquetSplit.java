package sluice.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the asked columns of a Parquet file on every core at once: the columns are dealt out by their
 * uncompressed size, and each share is read by its own {@link ParquetFileReader} (parquet-java's readers
 * and decompressors are not shared between threads; the footer, read once, is), row group after row group up
 * to the limit.
 */
final class ParquetSplit {
    private ParquetSplit() {
    }

    static void read(Path file, ParquetMetadata footer, List<Type> fields, List<ParquetColumn> columns, long total) {
        List<List<Integer>> shares = deal(footer.getBlocks(), fields, ParallelCsvReader.THREADS);
        ParallelCsvReader.inParallel(shares.size(), s -> () -> {
            List<Integer> share = shares.get(s);
            try (ParquetFileReader reader = ParquetSource.open(file, footer)) {
                readShare(reader, new MessageType("share", share.stream().map(fields::get).toList()),
                        share.stream().map(columns::get).toList(), total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void readShare(ParquetFileReader reader, MessageType schema, List<ParquetColumn> columns, long total)
            throws IOException {
        reader.setRequestedSchema(schema);
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        List<BlockMetaData> blocks = reader.getRowGroups();
        long read = 0;
        PageReadStore rowGroup;
        for (int g = 0; read < total && (rowGroup = reader.readNextRowGroup()) != null; g++) {
            int rows = (int) Math.min(rowGroup.getRowCount(), total - read);
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(rowGroup, new Flat(), schema, createdBy);
            for (int c = 0; c < columns.size(); c++) {
                ColumnDescriptor column = schema.getColumns().get(c);
                columns.get(c).read(store.getColumnReader(column), rows, chunk(blocks.get(g), column));
            }
            read += rows;
        }
    }

    /**
     * The converters a column reader needs but Sluice's columns do not use (they take values from the reader);
     * saying they support dictionaries lets the reader hand out dictionary ids ({@link ParquetValues.Texts}).
     */
    private static final class Flat extends GroupConverter {
        private final PrimitiveConverter field = new PrimitiveConverter() {
            @Override
            public boolean hasDictionarySupport() {
                return true;
            }

            @Override
            public void setDictionary(Dictionary dictionary) {
            }
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return field;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor column) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toDotString().equals(String.join(".", column.getPath()))) {
                return chunk;
            }
        }
        throw new IllegalStateException("row group without column " + String.join(".", column.getPath()));
    }

    /** Column positions per thread, largest columns first to the least loaded thread; no thread without a column. */
    private static List<List<Integer>> deal(List<BlockMetaData> rowGroups, List<Type> fields, int threads) {
        long[] size = new long[fields.size()];
        for (BlockMetaData block : rowGroups) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                for (int f = 0; f < fields.size(); f++) {
                    if (chunk.getPath().toArray()[0].equals(fields.get(f).getName())) {
                        size[f] += chunk.getTotalUncompressedSize();
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            order.add(f);
        }
        order.sort((a, b) -> Long.compare(size[b], size[a]));
        int count = Math.max(1, Math.min(threads, fields.size()));
        List<List<Integer>> shares = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int f : order) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                least = load[i] < load[least] ? i : least;
            }
            shares.get(least).add(f);
            load[least] += size[f] + 1;
        }
        shares.forEach(share -> share.sort(Integer::compare));
        return shares;
    }
}
