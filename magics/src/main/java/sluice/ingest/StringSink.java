package sluice.ingest;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.ByteDictionaryMap;

/**
 * Text into codes of a small dictionary keyed by the raw bytes, so a category repeated a million
 * times becomes one String, not a million; a column with too many distinct values stops caching.
 */
final class StringSink extends ColumnSink {
    private static final int MAX_CACHED = 1 << 16;
    private static final int MISSING = -1;
    // Tablesaw's ByteDictionaryMap: keys -127 to 126 for values, 127 for missing
    private static final int BYTE_KEYS = 254;
    private static final int FIRST_KEY = -127;
    private static final byte MISSING_KEY = Byte.MAX_VALUE;

    private final CsvCells cells;
    private int[] codes;
    private int size;
    private String[] values = new String[64];
    private int distinct;
    // open addressing: slot -> code + 1, keyed by the bytes in arena[offsets[code], offsets[code] + lengths[code])
    private int[] slots = new int[256];
    private int[] hashes = new int[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private byte[] arena = new byte[1024];
    private int arenaSize;
    private boolean caching = true;

    StringSink(CsvCells cells, int capacity) {
        this.cells = cells;
        this.codes = new int[Math.max(16, capacity)];
    }

    @Override
    boolean add(byte[] b, int start, int end, int flags) {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, grown(size));
        }
        if (cells.isMissing(b, start, end, flags)) {
            codes[size++] = MISSING;
            return true;
        }
        if (flags == CsvTokenizer.RAW || !caching) {
            codes[size++] = newCode(cells.text(b, start, end, flags), null, 0, 0, 0);
            return true;
        }
        int hash = 1;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + b[i];
        }
        int mask = slots.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (slots[slot] != 0) {
            int code = slots[slot] - 1;
            if (hashes[code] == hash && lengths[code] == end - start && sameBytes(offsets[code], b, start, end)) {
                codes[size++] = code;
                return true;
            }
            slot = (slot + 1) & mask;
        }
        int code = newCode(cells.text(b, start, end, flags), b, start, end, hash);
        slots[slot] = code + 1;
        if (distinct * 2 > slots.length) {
            rehash();
        }
        if (distinct >= MAX_CACHED) {
            caching = false;
        }
        codes[size++] = code;
        return true;
    }

    /** Whether the arena holds {@code b[start, end)} at {@code offset}; a plain loop beats a range compare on short keys. */
    private boolean sameBytes(int offset, byte[] b, int start, int end) {
        byte[] a = arena;
        for (int i = start, j = offset; i < end; i++, j++) {
            if (a[j] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private int newCode(String value, byte[] b, int start, int end, int hash) {
        if (distinct == values.length) {
            int n = distinct * 2;
            values = Arrays.copyOf(values, n);
            hashes = Arrays.copyOf(hashes, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        values[distinct] = value;
        if (b != null) {
            int length = end - start;
            if (arenaSize + length > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
            }
            System.arraycopy(b, start, arena, arenaSize, length);
            hashes[distinct] = hash;
            offsets[distinct] = arenaSize;
            lengths[distinct] = length;
            arenaSize += length;
        }
        return distinct++;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int slotValue : slots) {
            if (slotValue != 0) {
                int hash = hashes[slotValue - 1];
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = slotValue;
            }
        }
        slots = bigger;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    Column<?> build(String name, List<ColumnSink> parts) {
        Map<String, Integer> keys = new HashMap<>();
        List<String> order = new ArrayList<>();
        int[][] toGlobal = new int[parts.size()][];
        int total = 0;
        for (int i = 0; i < parts.size(); i++) {
            StringSink sink = (StringSink) parts.get(i);
            toGlobal[i] = new int[sink.distinct];
            for (int code = 0; code < sink.distinct && order.size() <= BYTE_KEYS; code++) {
                toGlobal[i][code] = keys.computeIfAbsent(sink.values[code], value -> {
                    order.add(value);
                    return order.size() - 1;
                });
            }
            total += sink.size;
        }
        StringColumn column = order.size() <= BYTE_KEYS
                ? StringColumn.createInternal(name, byteDictionary(parts, toGlobal, order, total))
                : appended(name, parts);
        parts.forEach(part -> ((StringSink) part).codes = null);
        return column;
    }

    private static StringColumn appended(String name, List<ColumnSink> parts) {
        StringColumn column = StringColumn.create(name);
        for (ColumnSink part : parts) {
            StringSink sink = (StringSink) part;
            for (int i = 0; i < sink.size; i++) {
                int code = sink.codes[i];
                if (code == MISSING) {
                    column.appendMissing();
                } else {
                    column.append(sink.values[code]);
                }
            }
        }
        return column;
    }

    /**
     * The dictionary Tablesaw builds when the values are appended one by one (keys from -127 in order
     * of first appearance, 127 for missing), made in one sweep over the codes instead.
     */
    private static ByteDictionaryMap byteDictionary(List<ColumnSink> parts, int[][] toGlobal, List<String> order, int total) {
        byte[] keys = new byte[total];
        int[] counts = new int[order.size()];
        int missing = 0;
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            StringSink sink = (StringSink) parts.get(i);
            int[] global = toGlobal[i];
            for (int r = 0; r < sink.size; r++) {
                int code = sink.codes[r];
                if (code == MISSING) {
                    keys[at++] = MISSING_KEY;
                    missing++;
                } else {
                    int key = global[code];
                    keys[at++] = (byte) (FIRST_KEY + key);
                    counts[key]++;
                }
            }
        }
        Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
        for (int key = 0; key < order.size(); key++) {
            byte k = (byte) (FIRST_KEY + key);
            keyToValue.put(k, order.get(key));
            valueToKey.put(order.get(key), k);
            keyToCount.put(k, counts[key]);
        }
        if (missing > 0) {
            keyToValue.put(MISSING_KEY, "");
            valueToKey.put("", MISSING_KEY);
            keyToCount.put(MISSING_KEY, missing);
        }
        return new ByteDictionaryMap.ByteDictionaryBuilder()
                .setNextIndex(Byte.MIN_VALUE + order.size())
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setValues(keys)
                .build();
    }
}
