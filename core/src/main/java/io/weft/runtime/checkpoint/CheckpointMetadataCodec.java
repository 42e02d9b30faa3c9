package io.weft.runtime.checkpoint;

import io.weft.runtime.checkpoint.avro.CheckpointMetadataAvro;
import io.weft.runtime.checkpoint.avro.TaskStateSnapshotAvro;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Writes and reads the binary form of a {@code _metadata} file and of a {@link TaskStateSnapshot} (as it travels in
 * acknowledgements and deployments): a 4-byte magic number, a 4-byte format version, then the Avro binary of the
 * schemas in {@code core/src/main/avro/checkpoint/}. Stateless and thread-safe.
 *
 * <p>File handles under the checkpoint's directory are written relative to it, so that a savepoint directory can
 * be moved, and resolved on read against the directory the file was found in. Every problem with the input — wrong
 * magic, unknown version, truncation, corruption — is an {@link IOException} with a one-line message naming the
 * source; no other exception escapes {@code decode…}.
 */
public final class CheckpointMetadataCodec {
    /** The format version this Weft writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** "WFTM": a Weft checkpoint metadata file. */
    static final int METADATA_MAGIC = 0x5746544D;
    /** "WFTS": a Weft task state snapshot. */
    static final int SNAPSHOT_MAGIC = 0x57465453;
    private static final int HEADER_BYTES = 8;

    private CheckpointMetadataCodec() {
    }

    /**
     * The {@code _metadata} bytes of {@code metadata}.
     *
     * @param checkpointDirectory the checkpoint's directory: file handles under it are written relative to it;
     *     "" writes every handle as it is
     */
    public static byte[] encode(CheckpointMetadata metadata, String checkpointDirectory) {
        return write(METADATA_MAGIC, CheckpointAvroConversions.toAvro(metadata, checkpointDirectory));
    }

    /**
     * Reads {@code _metadata} bytes.
     *
     * @param checkpointDirectory where the file was found, against which relative file handles are resolved
     * @param source how messages name the input (the file's path)
     * @throws IOException naming {@code source} when the bytes are not a Weft checkpoint metadata file of this
     *     format version, are truncated or are corrupt
     */
    public static CheckpointMetadata decode(byte[] bytes, String checkpointDirectory, String source)
            throws IOException {
        CheckpointMetadataAvro avro = read(bytes, METADATA_MAGIC, "a Weft checkpoint metadata file", source,
                new SpecificDatumReader<>(CheckpointMetadataAvro.class));
        try {
            return CheckpointAvroConversions.fromAvro(avro, checkpointDirectory);
        } catch (RuntimeException e) {
            throw corrupt(source, e);
        }
    }

    /** The bytes of {@code snapshot}; its file handles are written as they are (absolute). */
    public static byte[] encode(TaskStateSnapshot snapshot) {
        return write(SNAPSHOT_MAGIC, CheckpointAvroConversions.toAvro(snapshot));
    }

    /**
     * Reads the bytes of a task state snapshot.
     *
     * @param source how messages name the input (the message it came in)
     * @throws IOException naming {@code source} when the bytes are not a snapshot of this format version, are
     *     truncated or are corrupt
     */
    public static TaskStateSnapshot decodeSnapshot(byte[] bytes, String source) throws IOException {
        TaskStateSnapshotAvro avro = read(bytes, SNAPSHOT_MAGIC, "a Weft task state snapshot", source,
                new SpecificDatumReader<>(TaskStateSnapshotAvro.class));
        try {
            return CheckpointAvroConversions.fromAvro(avro);
        } catch (RuntimeException e) {
            throw corrupt(source, e);
        }
    }

    private static <T extends SpecificRecordBase> byte[] write(int magic, T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(HEADER_BYTES).putInt(magic).putInt(FORMAT_VERSION).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            @SuppressWarnings("unchecked")
            SpecificDatumWriter<T> writer = new SpecificDatumWriter<>((Class<T>) record.getClass());
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static <T> T read(byte[] bytes, int magic, String what, String source, SpecificDatumReader<T> reader)
            throws IOException {
        checkHeader(bytes, magic, what, source);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES,
                bytes.length - HEADER_BYTES, null);
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (EOFException e) {
            throw truncated(source, bytes.length);
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, e);
        }
        if (!decoder.isEnd()) {
            throw new IOException(source + " is corrupt: unexpected bytes after its content (" + bytes.length
                    + " bytes in all); it was not written by Weft or was changed since");
        }
        return record;
    }

    private static void checkHeader(byte[] bytes, int magic, String what, String source) throws IOException {
        byte[] expected = ByteBuffer.allocate(4).putInt(magic).array();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] != expected[i]) {
                throw new IOException(source + " is not " + what + " (it does not start with Weft's magic number)");
            }
        }
        if (bytes.length < HEADER_BYTES) {
            throw truncated(source, bytes.length);
        }
        int version = ByteBuffer.wrap(bytes, 4, 4).getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + " was written by format version " + version + "; this Weft reads "
                    + FORMAT_VERSION + ": use a Weft of the version that wrote it");
        }
    }

    private static IOException truncated(String source, int length) {
        return new IOException(source + " is truncated: it ends after " + length + " bytes; it was written"
                + " incompletely or copied in part");
    }

    private static IOException corrupt(String source, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : firstLine(cause.getMessage());
        return new IOException(source + " is corrupt (" + reason + "); it was not written by Weft or was changed"
                + " since", cause);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
