package io.weft.jobmanager.rest;

import static io.weft.jobmanager.rest.RestAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.api.InvalidProgramException;
import io.weft.api.JobID;
import io.weft.api.JobStatus;
import io.weft.config.Configuration;
import io.weft.config.MemorySize;
import io.weft.config.RestOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /jars/upload}, {@code /jars}, {@code DELETE /jars/:jarid} and {@code /jars/:jarid/run}. */
class JarEndpointsTest {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static TestCluster cluster;
    private static RestClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(1, 2);
        client = cluster.client;
    }

    @AfterAll
    static void stopCluster() {
        Path jars = cluster.rest.jarDirectory();
        cluster.close();
        assertThat(jars).as("the temporary jar directory is deleted on close").doesNotExist();
        assertThat(cluster.fatalError()).isNull();
    }

    @BeforeEach
    void resetRunner() {
        cluster.jarRunner.reset();
    }

    @Test
    void uploadedJar_isStoredOwnerOnly_listed_andDeleted() throws Exception {
        byte[] content = jar(1);
        RestClient.Response upload = client.upload("jarfile", "WordCount.jar", content);
        assertThat(upload.status()).isEqualTo(200);
        String id = upload.json().get("filename").asText();
        assertThat(id).matches("[0-9a-f-]{36}_WordCount\\.jar");
        assertThat(upload.json().get("status").asText()).isEqualTo("success");
        Path stored = cluster.rest.jarDirectory().resolve(id);
        assertThat(stored).hasBinaryContent(content);
        if (POSIX) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.rest.jarDirectory())))
                    .isEqualTo("rwx------");
        }

        JsonNode files = client.get("/jars").json().get("files");
        assertThat(files).anySatisfy(f -> {
            assertThat(f.get("id").asText()).isEqualTo(id);
            assertThat(f.get("name").asText()).isEqualTo("WordCount.jar");
            assertThat(f.get("uploaded").asLong()).isPositive();
        });

        RestClient.Response delete = client.delete("/jars/" + id);
        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.body()).isEqualTo("{}");
        assertThat(stored).doesNotExist();
        assertThat(client.get("/jars").json().get("files")).noneSatisfy(f ->
                assertThat(f.get("id").asText()).isEqualTo(id));
        RestClient.Response again = client.delete("/jars/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).contains("No jar with id '" + id + "'").contains("GET /jars");
    }

    @Test
    void largeJar_isStoredWhole() throws Exception {
        byte[] content = jar(3 * 1024 * 1024);
        RestClient.Response upload = client.upload("jarfile", "big.jar", content);
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(cluster.rest.jarDirectory().resolve(upload.json().get("filename").asText()))
                .hasBinaryContent(content);
    }

    @Test
    void fileNameWithPathAndOddCharacters_isCleaned() throws Exception {
        RestClient.Response upload = client.upload("jarfile", "C:\\builds\\../my job (1).zip", jar(2));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(upload.json().get("filename").asText()).endsWith("_my_job__1_.zip.jar");
    }

    @Test
    void uploadThatIsNotAJar_gets400() throws Exception {
        RestClient.Response r = client.upload("jarfile", "notes.jar", "just text".getBytes(StandardCharsets.UTF_8));
        assertError(r, 400).startsWith("The uploaded file 'notes.jar' is not a jar").endsWith("as 'mvn package' "
                + "builds it");
        assertError(client.upload("jarfile", "notes.jar", new byte[0]), 400)
                .isEqualTo("The uploaded file 'notes.jar' is not a jar (zip file is empty): upload the job's jar "
                        + "file, as 'mvn package' builds it");
        byte[] emptyZip = new byte[22];
        emptyZip[0] = 'P';
        emptyZip[1] = 'K';
        emptyZip[2] = 5;
        emptyZip[3] = 6;
        assertError(client.upload("jarfile", "notes.jar", emptyZip), 400)
                .startsWith("The uploaded file 'notes.jar' is not a jar (the archive is empty)");
        try (var files = Files.list(cluster.rest.jarDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("notes"));
        }
    }

    @Test
    void uploadWithoutAJarfilePart_orNotMultipart_orMalformed_gets400() throws Exception {
        Set<String> before = storedFiles();
        RestClient.Response wrongField = client.upload("file", "job.jar", jar(3));
        assertError(wrongField, 400).isEqualTo("The multipart body has no file part named 'jarfile' (file parts: "
                + "[file]): send the jar as 'jarfile'");
        byte[] textField = ("--b\r\nContent-Disposition: form-data; name=\"jarfile\"\r\n\r\njob.jar\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertError(client.send("POST", "/jars/upload", "multipart/form-data; boundary=b", textField), 400)
                .as("a form field that is no file").contains("no file part named 'jarfile' (file parts: [])");

        assertError(client.postJson("/jars/upload", "{}"), 400).isEqualTo("POST /jars/upload expects a "
                + "multipart/form-data body (not 'application/json') with the jar in a file part named 'jarfile', as "
                + "'curl -F jarfile=@job.jar http://HOST:PORT/jars/upload' sends it");
        assertError(client.send("POST", "/jars/upload", null, jar(3)), 400)
                .startsWith("POST /jars/upload expects a multipart/form-data body (not '')");
        assertError(client.send("POST", "/jars/upload", "application/java-archive", jar(3)), 400)
                .startsWith("POST /jars/upload expects a multipart/form-data body (not 'application/java-archive')");
        assertError(client.send("POST", "/jars/upload", null, null), 400)
                .startsWith("POST /jars/upload expects a multipart/form-data body");

        byte[] body = RestClient.multipart("one-boundary", "jarfile", "job.jar", jar(3));
        assertError(client.send("POST", "/jars/upload", "multipart/form-data", body), 400)
                .isEqualTo("The Content-Type 'multipart/form-data' has no boundary: send 'multipart/form-data; "
                        + "boundary=...' naming the line that separates the parts, as 'curl -F jarfile=@job.jar URL' "
                        + "does");
        RestClient.Response malformed = client.send("POST", "/jars/upload",
                "multipart/form-data; boundary=another-boundary", body);
        assertError(malformed, 400).contains("'jarfile'");
        RestClient.Response truncated = client.send("POST", "/jars/upload",
                "multipart/form-data; boundary=one-boundary", Arrays.copyOf(body, body.length / 2));
        assertError(truncated, 400).isEqualTo("The multipart/form-data body ends inside the part 'jarfile' (the body "
                + "was cut off): send the whole file");
        assertThat(storedFiles()).as("nothing refused is stored").isEqualTo(before);
    }

    @Test
    void uploadWithAnUpperCaseMediaType_isStored() throws Exception {
        byte[] content = jar(1);
        RestClient.Response r = client.send("POST", "/jars/upload", "Multipart/Form-Data; boundary=Case-Kept",
                RestClient.multipart("Case-Kept", "jarfile", "upper.jar", content));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(cluster.rest.jarDirectory().resolve(r.json().get("filename").asText())).hasBinaryContent(content);
    }

    @Test
    void runWithJsonBody_passesEntryClassArgumentsAndParallelism() throws Exception {
        String id = uploaded();
        RestClient.Response r = client.postJson("/jars/" + id + "/run",
                "{\"entryClass\":\"com.example.Main\",\"programArgsList\":[\"--input\",\"a b\"],\"parallelism\":3}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("jobid").asText()).isEqualTo(FakeJarRunner.DEFAULT_JOB_ID.toString());
        assertThat(cluster.jarRunner.calls()).containsExactly(new FakeJarRunner.Call(
                cluster.rest.jarDirectory().resolve(id), "com.example.Main", List.of("--input", "a b"), 3));
    }

    @Test
    void runWithFlinkConfiguration_passesTheJobsOwnSettings() throws Exception {
        String id = uploaded();
        RestClient.Response r = client.postJson("/jars/" + id + "/run", "{\"flinkConfiguration\":"
                + "{\"restart-strategy.type\":\"none\",\"state.checkpoints.dir\":\"/chk\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(cluster.jarRunner.calls()).containsExactly(new FakeJarRunner.Call(
                cluster.rest.jarDirectory().resolve(id), null, List.of(), null,
                Map.of("restart-strategy.type", "none", "state.checkpoints.dir", "/chk")));
    }

    @Test
    void runWithAClusterSettingAnUnknownKeyOrABadValueInFlinkConfiguration_gets400NamingTheKey() throws Exception {
        String run = "/jars/" + uploaded() + "/run";
        assertBadRequest(client.postJson(run, "{\"flinkConfiguration\":{\"taskmanager.numberOfTaskSlots\":\"8\"}}"),
                "'taskmanager.numberOfTaskSlots' ('flinkConfiguration') is a cluster setting");
        assertBadRequest(client.postJson(run, "{\"flinkConfiguration\":{\"restart-strategy.tpye\":\"none\"}}"),
                "Unknown configuration key 'restart-strategy.tpye' in 'flinkConfiguration': did you mean"
                        + " 'restart-strategy.type'?");
        assertBadRequest(client.postJson(run, "{\"flinkConfiguration\":{\"restart-strategy.type\":\"often\"}}"),
                "Invalid value 'often' for 'restart-strategy.type'");
        assertBadRequest(client.postJson(run, "{\"flinkConfiguration\":{\"restart-strategy.type\":null}}"),
                "A key or value in 'flinkConfiguration' is null");
        assertBadRequest(client.postJson(run, "{\"flinkConfiguration\":[\"restart-strategy.type=none\"]}"),
                "Bad value for 'flinkConfiguration'");
        assertThat(cluster.jarRunner.calls()).isEmpty();
    }

    @Test
    void runWithQueryParameters_orNothing_usesThemOrTheDefaults() throws Exception {
        String id = uploaded();
        assertThat(client.postJson("/jars/" + id + "/run?entry-class=com.example.Other&programArg=x,y"
                + "&parallelism=2", "").status()).isEqualTo(200);
        assertThat(client.send("POST", "/jars/" + id + "/run", null, null).status()).isEqualTo(200);
        assertThat(client.postJson("/jars/" + id + "/run?parallelism=5", "{\"parallelism\":4}").status())
                .isEqualTo(200);
        Path jar = cluster.rest.jarDirectory().resolve(id);
        assertThat(cluster.jarRunner.calls()).containsExactly(
                new FakeJarRunner.Call(jar, "com.example.Other", List.of("x", "y"), 2),
                new FakeJarRunner.Call(jar, null, List.of(), null),
                new FakeJarRunner.Call(jar, null, List.of(), 4));
    }

    @Test
    void runWithBadJsonOrBadTypes_gets400AndRunsNothing() throws Exception {
        String run = "/jars/" + uploaded() + "/run";
        assertBadRequest(client.postJson(run, "{\"entryClass\":"), "The request body is not valid JSON");
        assertBadRequest(client.postJson(run, "not json"), "The request body is not valid JSON");
        assertBadRequest(client.postJson(run, "{} {}"), "Bad request body");
        assertBadRequest(client.postJson(run, "{\"parallelism\":\"many\"}"),
                "Bad value for 'parallelism': expected an integer, as in {\"entryClass\"");
        assertBadRequest(client.postJson(run, "{\"parallelism\":2.5}"),
                "Bad value for 'parallelism': expected an integer");
        assertBadRequest(client.postJson(run, "{\"programArgsList\":\"--input x\"}"),
                "Bad value for 'programArgsList': expected a list");
        assertBadRequest(client.postJson(run, "{\"programArgsList\":[1]}"),
                "Bad value for 'programArgsList[0]': expected a string");
        assertBadRequest(client.postJson(run, "{\"entryClass\":42}"), "Bad value for 'entryClass': expected a string");
        assertBadRequest(client.postJson(run, "{\"programArgsList\":[null]}"), "'programArgsList' contains null");
        assertBadRequest(client.postJson(run, "{\"programArgList\":[]}"),
                "Unknown field 'programArgList' in the request body: the known fields are entryClass, "
                        + "flinkConfiguration, parallelism, programArgsList");
        assertBadRequest(client.postJson(run, "{\"parallelism\":0}"), "'parallelism' must be at least 1, not 0");
        assertBadRequest(client.postJson(run + "?parallelism=abc", ""),
                "Query parameter 'parallelism' must be an integer, not 'abc'");
        assertBadRequest(client.postJson(run + "?parallelism=1&parallelism=2", ""),
                "Query parameter 'parallelism' is given 2 times");
        assertBadRequest(client.postJson(run, "null"), "The request body is JSON null: send a JSON object, as in "
                + "{\"entryClass\"");
        assertBadRequest(client.postJson(run, "[]"), "Bad request body: ");
        assertBadRequest(client.postJson(run, "\"com.example.Main\""), "Bad request body: ");
        assertBadRequest(client.postJson(run, "{\"parallelism\":99999999999}"),
                "Bad value for 'parallelism': Numeric value (99999999999) out of range of int");
        assertBadRequest(client.postJson(run, "{\"parallelism\":-3}"), "'parallelism' must be at least 1, not -3");
        assertBadRequest(client.postJson(run, "{\"entryClass\":\"a.A\",\"entryClass\":\"b.B\"}"),
                "The request body is not valid JSON (line 1, column 33): Duplicate field 'entryClass'");
        assertBadRequest(client.postJson(run, "{\"a\":".repeat(2000)), "The request body is not valid JSON");
        assertBadRequest(client.send("POST", run, "application/json", new byte[] {'{', '"', (byte) 0xff, '"', ':',
                '1', '}'}), "The request body is not valid JSON (line 1, column ");
        assertBadRequest(client.send("POST", run, "multipart/form-data; boundary=b",
                RestClient.multipart("b", "jarfile", "job.jar", jar(1))),
                "POST /jars/:jarid/run takes a JSON body, not multipart/form-data");
        assertThat(cluster.jarRunner.calls()).isEmpty();
    }

    @Test
    void runWithAJsonBodyOfAnotherContentType_isRunLikeFlinkDoes() throws Exception {
        String id = uploaded();
        // curl -d '{...}' sends application/x-www-form-urlencoded
        RestClient.Response r = client.send("POST", "/jars/" + id + "/run", "application/x-www-form-urlencoded",
                "{\"parallelism\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(cluster.jarRunner.calls()).containsExactly(new FakeJarRunner.Call(
                cluster.rest.jarDirectory().resolve(id), null, List.of(), 2));
    }

    @Test
    void runOfAProgramThatCannotRun_gets400WithTheRunnersMessage() throws Exception {
        String id = uploaded();
        cluster.jarRunner.answerWith(call -> CompletableFuture.failedFuture(new InvalidProgramException(
                "The jar has no class com.example.Missing: check the entry class")));
        RestClient.Response r = client.postJson("/jars/" + id + "/run", "{\"entryClass\":\"com.example.Missing\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("The jar has no class com.example.Missing: check the entry class");

        cluster.jarRunner.answerWith(call -> {
            throw new InvalidProgramException("The manifest names no Main-Class: pass entryClass");
        });
        assertThat(client.postJson("/jars/" + id + "/run", "").error())
                .isEqualTo("The manifest names no Main-Class: pass entryClass");
    }

    @Test
    void runThatSubmitsARealJob_answersItsIdAndTheJobRuns() throws Exception {
        String id = uploaded();
        cluster.jarRunner.answerWith(call -> cluster.dispatcher.submitJob(TestJobs.finishing("from jar"),
                getClass().getClassLoader()));
        RestClient.Response r = client.postJson("/jars/" + id + "/run", "{}");
        assertThat(r.status()).isEqualTo(200);
        JobID job = JobID.fromHexString(r.json().get("jobid").asText());
        assertThat(cluster.awaitResult(job).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(Await.until(() -> client.get("/jobs/" + job).json(),
                j -> j.get("state").asText().equals("FINISHED"), "FINISHED").get("name").asText())
                .isEqualTo("from jar");
    }

    @Test
    void unknownAndMalformedJarIds_get404And400() throws Exception {
        String unknown = "01234567-89ab-cdef-0123-456789abcdef_gone.jar";
        String notStored = "No jar with id '" + unknown + "' is stored: upload it with POST /jars/upload or pick an "
                + "id from GET /jars";
        assertError(client.postJson("/jars/" + unknown + "/run", ""), 404).isEqualTo(notStored);
        assertError(client.postJson("/jars/" + unknown + "/run", "{\"parallelism\":2}"), 404).isEqualTo(notStored);
        assertError(client.delete("/jars/" + unknown), 404).isEqualTo(notStored);
        Map<String, String> shownAs = new LinkedHashMap<>();
        shownAs.put("..%2F..%2Fetc%2Fpasswd", "../../etc/passwd");
        shownAs.put("%2E%2E", "..");
        shownAs.put("job.jar", "job.jar");
        shownAs.put("%2Ftmp%2Fx.jar", "/tmp/x.jar");
        shownAs.put("01234567-89AB-cdef-0123-456789abcdef_x.jar", "01234567-89AB-cdef-0123-456789abcdef_x.jar");
        shownAs.put("01234567-89ab-cdef-0123-456789abcdef_..%2Fx.jar", "01234567-89ab-cdef-0123-456789abcdef_../x.jar");
        shownAs.put("01234567-89ab-cdef-0123-456789abcdef_" + "x".repeat(300) + ".jar",
                "01234567-89ab-cdef-0123-456789abcdef_" + "x".repeat(40) + "...");
        for (Map.Entry<String, String> bad : shownAs.entrySet()) {
            String message = "'" + bad.getValue() + "' is not a jar id: use the 'id' of a jar from GET /jars, or the "
                    + "'filename' that POST /jars/upload answered";
            assertError(client.postJson("/jars/" + bad.getKey() + "/run", ""), 400).as(bad.getKey())
                    .isEqualTo(message);
            assertError(client.delete("/jars/" + bad.getKey()), 400).as(bad.getKey()).isEqualTo(message);
        }
        assertThat(cluster.jarRunner.calls()).isEmpty();
    }

    @Test
    void uploadOverTheSizeLimit_gets413AndTheServerKeepsServing(@TempDir Path uploads) throws Exception {
        Configuration small = new Configuration()
                .set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MemorySize.parse("4kb"))
                .set(RestOptions.UPLOAD_DIR, uploads.resolve("jars").toString());
        try (TestCluster limited = new TestCluster(1, 1, small)) {
            RestClient.Response r = limited.client.upload("jarfile", "big.jar", jar(64 * 1024));
            assertError(r, 413).startsWith("The request body of ").endsWith(" bytes is larger than the limit of 4096 "
                    + "bytes: send a smaller body or raise rest.server.max-content-length");
            // what curl does for large bodies: the server refuses before the body is sent, then closes
            String expecting = RestClient.raw(limited.rest.port(), "POST /jars/upload HTTP/1.1\r\nHost: x\r\n"
                    + limited.authorizationLine()
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 65536\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertError(expecting, 413).isEqualTo("The request body of 65536 bytes is larger than the limit of 4096 "
                    + "bytes: send a smaller body or raise rest.server.max-content-length");
            // a chunked body has no length up front: it is refused once it outgrows the limit
            String chunked = RestClient.raw(limited.rest.port(), "POST /jars/upload HTTP/1.1\r\nHost: x\r\n"
                    + limited.authorizationLine()
                    + "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + ("1000\r\n" + "x".repeat(4096) + "\r\n").repeat(3) + "0\r\n\r\n");
            assertError(chunked, 413).isEqualTo("The request body is larger than the limit of 4096 bytes: send a "
                    + "smaller body or raise rest.server.max-content-length");
            String fitting = limited.client.upload("jarfile", "fits.jar", jar(1)).json().get("filename").asText();
            RestClient.Response run = limited.client.postJson("/jars/" + fitting + "/run",
                    "{\"programArgsList\":[\"" + "x".repeat(8192) + "\"]}");
            assertError(run, 413).startsWith("The request body of 8").endsWith("larger than the limit of 4096 bytes: "
                    + "send a smaller body or raise rest.server.max-content-length");
            assertThat(limited.jarRunner.calls()).isEmpty();
            assertThat(limited.client.delete("/jars/" + fitting).status()).isEqualTo(200);
            assertThat(limited.client.get("/jars").json().get("files")).isEmpty();
            RestClient.Response fits = limited.client.upload("jarfile", "small.jar", jar(1));
            assertThat(fits.status()).isEqualTo(200);
            assertThat(uploads.resolve("jars").resolve(fits.json().get("filename").asText())).exists();
        }
        assertThat(uploads.resolve("jars")).as("a configured jar directory is kept").isDirectory();
    }

    private static Set<String> storedFiles() throws IOException {
        try (var files = Files.list(cluster.rest.jarDirectory())) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void assertBadRequest(RestClient.Response r, String messageStart) {
        assertError(r, 400).startsWith(messageStart);
    }

    private static String uploaded() throws IOException, InterruptedException {
        RestClient.Response upload = client.upload("jarfile", "job.jar", jar(1));
        assertThat(upload.status()).isEqualTo(200);
        return upload.json().get("filename").asText();
    }

    /** A jar with a manifest and one entry of {@code size} bytes (stored, so the jar is at least that large). */
    static byte[] jar(int size) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.example.Main");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            JarEntry entry = new JarEntry("data.bin");
            entry.setMethod(JarEntry.STORED);
            byte[] data = new byte[size];
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setSize(size);
            entry.setCrc(crc.getValue());
            out.putNextEntry(entry);
            out.write(data);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
