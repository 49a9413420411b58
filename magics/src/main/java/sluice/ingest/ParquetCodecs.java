package sluice.ingest;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page decompression in pure Java: snappy, zstd and lz4_raw by aircompressor (which parquet-java itself uses
 * for lz4_raw), gzip by java.util.zip. parquet-java's own codecs go through Hadoop's codec classes and
 * native libraries; these need neither, so they run wherever Java does. Sluice only reads Parquet: there
 * are no compressors.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final Set<CompressionCodecName> READ = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW);

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("Sluice reads Parquet files and writes none.");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        if (!READ.contains(codec)) {
            throw new IllegalArgumentException("ParquetSource checks the codecs before reading; " + codec + " slipped through.");
        }
        return new Pages(codec);
    }

    @Override
    public void release() {
    }

    /** One codec's decompressor; parquet-java asks for one per column chunk, so each holds its own state. */
    private static final class Pages implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Pages(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[uncompressedSize];
            int size = decompress(input, output);
            if (size != uncompressedSize) {
                throw new IOException("a " + codec + " page holds " + size + " bytes where its header says " + uncompressedSize);
            }
            return BytesInput.from(output);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            BytesInput out = decompress(BytesInput.from(in), uncompressedSize);
            output.put(out.toByteBuffer());
        }

        private int decompress(byte[] input, byte[] output) throws IOException {
            return switch (codec) {
                case SNAPPY -> block(new SnappyDecompressor(), input, output);
                case ZSTD -> block(new ZstdDecompressor(), input, output);
                case LZ4_RAW -> block(new Lz4Decompressor(), input, output);
                default -> gzip(input, output);
            };
        }

        private static int block(Decompressor decompressor, byte[] input, byte[] output) throws IOException {
            try {
                return decompressor.decompress(input, 0, input.length, output, 0, output.length);
            } catch (RuntimeException e) {
                // aircompressor reports bad input as MalformedInputException, bounds overruns as index errors.
                throw new IOException("a page does not decompress: " + e.getMessage(), e);
            }
        }

        private static int gzip(byte[] input, byte[] output) throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input), Math.max(512, Math.min(input.length, 1 << 16)))) {
                int size = in.readNBytes(output, 0, output.length);
                if (in.read() >= 0) {
                    throw new IOException("a GZIP page holds more bytes than its header says (" + output.length + ")");
                }
                return size;
            }
        }

        @Override
        public void release() {
        }
    }
}
