package sluice.ingest;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compressors for the test files, from the libraries most Parquet writers use (snappy-java and
 * zstd-jni, both native; java.util.zip for gzip), so the reader's pure-Java decompressors meet pages
 * that other code wrote.
 */
final class NativeCompressors implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] input = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case UNCOMPRESSED -> input;
                    case SNAPPY -> Snappy.compress(input);
                    case ZSTD -> Zstd.compress(input, 3);
                    case GZIP -> gzip(input);
                    case LZ4_RAW -> lz4(input);
                    default -> throw new IllegalArgumentException("no test compressor for " + codec);
                });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    private static byte[] gzip(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(input);
        }
        return out.toByteArray();
    }

    private static byte[] lz4(byte[] input) {
        Lz4Compressor compressor = new Lz4Compressor();
        byte[] output = new byte[compressor.maxCompressedLength(input.length)];
        int size = compressor.compress(input, 0, input.length, output, 0, output.length);
        return Arrays.copyOf(output, size);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("the tests read with Sluice's own decompressors");
    }

    @Override
    public void release() {
    }
}
